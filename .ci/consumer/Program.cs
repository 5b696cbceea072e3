// A fresh console app that consumes the packed SymmetricNets package (run by .ci/run).
using SymmetricNets;
using static TorchSharp.torch;

Console.WriteLine($"SymmetricNets {SymmetricNetsInfo.Version}");
using var s = ones(3).sum();
if (s.item<float>() != 3f) throw new Exception("TorchSharp did not compute 1+1+1 = 3");
Console.WriteLine("consumer OK");
