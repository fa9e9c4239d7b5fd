// The fused bf16 kernels (modules/bf16kernels.h) against the same arithmetic
// in fp32 through ATen, rounded once to bf16: within one bf16 rounding of it
// (2^-8 relative) plus float noise, row lengths with and without a tail of
// the 16-wide vectors, and the exponential's range ends.
#include "model/modules/bf16kernels.h"

#include "model/modules/rowlinear.h"

#include <QTest>

#include <torch/types.h>
#include <torch/utils.h>

using namespace mplug2::model;

namespace {

/// Worst |got - want| beyond one bf16 rounding of want (<= 0 when within it).
double pastRounding(const at::Tensor &got, const at::Tensor &want, double slack = 1e-6)
{
    const at::Tensor g = got.to(at::kDouble), w = want.to(at::kDouble);
    return ((g - w).abs() - w.abs() / 256.0 - slack).max().item<double>();
}

} // namespace

class Bf16KernelsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!bf16KernelsAvailable())
            QSKIP("this CPU has no AVX-512F: bf16 element-wise work stays with ATen");
    }

    void layerNormEqualsFp32()
    {
        torch::NoGradGuard noGrad;
        torch::manual_seed(3);
        for (int64_t n : {int64_t(768), int64_t(1024), int64_t(37), int64_t(5), int64_t(1), int64_t(16)})
            for (int64_t rows : {int64_t(1), int64_t(3), int64_t(257)}) {
                // An offset shared by the row, as residual streams have: the centring must not lose it.
                const auto x = (torch::randn({rows, n}) * 3 + 40).to(at::kBFloat16);
                const auto w = torch::randn({n}).to(at::kBFloat16);
                const auto b = torch::randn({n}).to(at::kBFloat16);
                const auto got = layerNormBf16(x, w, b, 1e-5);
                QVERIFY(got.defined());
                QCOMPARE(got.scalar_type(), at::kBFloat16);
                QCOMPARE(got.sizes(), x.sizes());
                const auto want
                    = at::layer_norm(x.to(at::kFloat), {n}, w.to(at::kFloat), b.to(at::kFloat), 1e-5);
                const double past = pastRounding(got, want, 2e-3);
                QVERIFY2(
                    past <= 0, qPrintable(QStringLiteral("n %1, rows %2: %3").arg(n).arg(rows).arg(past)));
            }
    }

    void quickGeluEqualsFp32()
    {
        torch::NoGradGuard noGrad;
        torch::manual_seed(4);
        for (int64_t n : {int64_t(3072 * 5), int64_t(17), int64_t(1)}) {
            auto x = (torch::randn({n}) * 4).to(at::kBFloat16);
            if (n > 4) {
                // The exponential's ends: far negative gives 0, far positive x itself.
                x[0] = -200.0;
                x[1] = 200.0;
                x[2] = 0.0;
                x[3] = -51.3;
            }
            const auto got = quickGeluBf16(x);
            QVERIFY(got.defined());
            const auto xf = x.to(at::kFloat);
            const auto want = xf * at::sigmoid(1.702 * xf);
            const double past = pastRounding(got, want);
            QVERIFY2(past <= 0, qPrintable(QStringLiteral("n %1: %2").arg(n).arg(past)));
        }
    }

    void softmaxEqualsFp32()
    {
        torch::NoGradGuard noGrad;
        torch::manual_seed(5);
        for (int64_t n : {int64_t(197), int64_t(3137), int64_t(16), int64_t(1), int64_t(50)}) {
            const auto scores = (torch::randn({2, 3, 7, n}) * 6).to(at::kBFloat16);
            at::Tensor got = scores.clone();
            QVERIFY(softmaxBf16InPlace(got, 0.125));
            const auto want = at::softmax(scores.to(at::kFloat) * 0.125, -1);
            const double past = pastRounding(got, want, 1e-7);
            QVERIFY2(past <= 0, qPrintable(QStringLiteral("n %1: %2").arg(n).arg(past)));
            const double sum = (got.to(at::kDouble).sum(-1) - 1.0).abs().max().item<double>();
            QVERIFY2(sum < 4e-3 * std::max(1.0, std::sqrt(double(n)) / 8), qPrintable(QString::number(sum)));
        }
    }

    void otherInputsAreLeftToAten()
    {
        const auto f = torch::randn({4, 8});
        QVERIFY(!quickGeluBf16(f).defined());
        QVERIFY(!layerNormBf16(f, torch::ones({8}), torch::zeros({8}), 1e-5).defined());
        at::Tensor strided = torch::randn({8, 4}).to(at::kBFloat16).t();
        QVERIFY(!softmaxBf16InPlace(strided, 1.0));
        // The AVX2 set of the row kernels turns these off too.
        QCOMPARE(limitRowKernelWidth(8), int64_t(8));
        QVERIFY(!quickGeluBf16(f.to(at::kBFloat16)).defined());
        limitRowKernelWidth(16);
        QVERIFY(quickGeluBf16(f.to(at::kBFloat16)).defined());
    }
};

QTEST_GUILESS_MAIN(Bf16KernelsTest)
#include "bf16kernelstest.moc"
