#pragma once
/// Sets the BLAS library's own thread count for a scope, when the BLAS lets us
/// (OpenBLAS: openblas_set_num_threads); otherwise does nothing.
///
/// Why: OpenBLAS built for pthreads splits even a 5-row matrix product over
/// its own threads, and on a small machine the hand-over costs more than the
/// product. A decoding step (one token per beam) is such a product in every
/// layer, so with that BLAS the step loop runs on one BLAS thread, while the
/// large products before it (visual encoder, cross-attention keys and values)
/// keep every thread. Measured on 2 cores (Base, 16 frames, beam 5, 20
/// steps): decode 7.9 s -> 3.2 s wall. The OpenMP build of OpenBLAS (the one
/// packaging/install-deps.sh installs) needs none of this: hasOwnThreadPool().
///
///     {
///         ScopedBlasThreads one(1);
///         logits = decoder.step(...);
///     } // the previous count is back
///
/// The count is process-wide: meant for the one thread that runs the model.

namespace mplug2::model {

class ScopedBlasThreads {
public:
    explicit ScopedBlasThreads(int threads);
    ~ScopedBlasThreads();
    ScopedBlasThreads(const ScopedBlasThreads &) = delete;
    ScopedBlasThreads &operator=(const ScopedBlasThreads &) = delete;

    /// Whether the BLAS runs its own pool of threads beside LibTorch's OpenMP
    /// workers (OpenBLAS built for pthreads): then its threads and the
    /// spinning OpenMP workers compete for the cores, and small products are
    /// faster on one BLAS thread. The OpenMP build of OpenBLAS shares
    /// LibTorch's workers and is faster threaded: decode 2.1 s threaded vs
    /// 3.0 s on one thread, same Base caption.
    static bool hasOwnThreadPool();

private:
    int m_previous = 0;
};

} // namespace mplug2::model
