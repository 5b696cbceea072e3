namespace SymmetricNets.Losses;

/// <summary>The generator objective of a standard (unmixed) GAN baseline.</summary>
public enum GanGeneratorObjective
{
    /// <summary>Non-saturating (Goodfellow et al., 2014): minimise <c>-log D(G(z)) = softplus(-logit)</c>.</summary>
    NonSaturating = 0,

    /// <summary>Saturating, the min-max one: minimise <c>log(1 - D(G(z))) = -softplus(logit)</c>.</summary>
    Saturating = 1,
}
