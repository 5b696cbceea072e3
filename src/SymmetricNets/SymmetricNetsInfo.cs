using System.Reflection;

namespace SymmetricNets;

/// <summary>Facts about the loaded SymmetricNets assembly.</summary>
public static class SymmetricNetsInfo
{
    /// <summary>The informational version of the package (for example <c>0.1.0</c>).</summary>
    public static string Version { get; } =
        typeof(SymmetricNetsInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(SymmetricNetsInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The paper this library implements, as a one-line citation.</summary>
    public const string Paper =
        "Thomas Lucas, Corentin Tallec, Jakob Verbeek, Yann Ollivier. Mixed batches and symmetric discriminators for GAN training. ICML 2018.";
}
