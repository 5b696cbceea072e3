namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>The GAN training methods compared by the sample.</summary>
public enum GanMethod
{
    /// <summary>Standard GAN, non-saturating generator loss (<c>gan</c>).</summary>
    Gan,

    /// <summary>Mixup GAN (Zhang et al., 2017): the discriminator sees real/fake interpolations with soft labels (<c>mixup</c>).</summary>
    Mixup,

    /// <summary>BGAN: symmetric discriminator closed by a mean, batch smoothing-gamma, loss order (13) (<c>bgan</c>).</summary>
    Bgan,

    /// <summary>M-BGAN: symmetric discriminator with a per-element readout, loss order (14) (<c>mbgan</c>).</summary>
    MBgan,

    /// <summary>PacGAN-k (Lin et al., 2018): k samples packed into one discriminator input (<c>pacgan</c>).</summary>
    PacGan,

    /// <summary>Minibatch standard deviation (Karras et al., 2018): the batch std appended as a feature (<c>mbstd</c>).</summary>
    MinibatchStd,
}
