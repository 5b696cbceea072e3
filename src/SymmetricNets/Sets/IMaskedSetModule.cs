using static TorchSharp.torch;

namespace SymmetricNets.Sets;

/// <summary>
/// A set module that also accepts a presence mask for ragged sets. <see cref="Networks.SymmetricNetwork"/>
/// passes its mask to every layer that implements this interface.
/// </summary>
public interface IMaskedSetModule
{
    /// <summary>Applies the module to <paramref name="input"/>; elements where <paramref name="mask"/> is
    /// false are absent and never influence the outputs of present elements.</summary>
    /// <param name="input">The input tensor.</param>
    /// <param name="mask">Optional boolean mask of shape <c>input.shape[0..dim]</c> (true = present); null means all present.</param>
    Tensor forward(Tensor input, Tensor? mask);
}
