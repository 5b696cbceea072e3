// A fresh console app that consumes the packed SymmetricNets package (run by .ci/run): README's quickstart.
using SymmetricNets;
using SymmetricNets.Losses;
using SymmetricNets.Networks;
using TorchSharp;
using static TorchSharp.torch;

Console.WriteLine($"SymmetricNets {SymmetricNetsInfo.Version}");

// A permutation-invariant network over sets of 2-D points: equivariant layers (eq. 12) closed by a mean (eq. 10).
var net = sym.SymmetricMLP(2, new long[] { 64, 64 }, 1, Readout.Mean, () => nn.ReLU(), setSize: 32);
using var x = torch.randn(32, 2);                  // one set of 32 points: the minibatch is the set
using var y = net.forward(x);                      // shape [1]
using var yp = net.forward(x[torch.randperm(32)]); // the same value for any order
Console.WriteLine($"{y.item<float>()} == {yp.item<float>()}");

// Drop one equivariant layer into a model you already have.
var model = nn.Sequential(("fc", nn.Linear(2, 64)), ("relu", nn.ReLU()),
                          ("mix", sym.EquivariantLinear(64, 64, setSize: 32)), ("head", nn.Linear(64, 1)));

// A discriminator step of the paper's method: mix real and generated samples, predict the share of real ones.
var sampler = sym.MixedBatchSampler(sym.BatchSmoothingPrior(0.5));     // ratio p ~ U[0,1], mask ~ Bernoulli(p)^B
using var batch = sampler.Sample(real: torch.randn(32, 2), fake: torch.randn(32, 2) + 1);
using var loss = LossFunctions.RatioKL(net.forward(batch.Mixed), batch.Target, LossOrder.ReduceThenLoss); // eq. (4), (13)
loss.backward();
if (!double.IsFinite(loss.item<float>())) throw new Exception("non-finite loss");

if (Math.Abs(y.item<float>() - yp.item<float>()) > 1e-5f) throw new Exception("the network is not permutation-invariant");
using var out1 = model.forward(x);
if (!out1.shape.SequenceEqual(new long[] { 32, 1 })) throw new Exception("unexpected output shape");
Console.WriteLine("consumer OK");
