#pragma once
/// Sets the BLAS library's own thread count for a scope, when the BLAS lets us
/// (OpenBLAS: openblas_set_num_threads); otherwise does nothing.
///
/// Why: OpenBLAS splits even a 5-row matrix product over its threads, and on
/// a small machine the hand-over costs more than the product. A decoding
/// step (one token per beam) is such a product in every layer, so the step
/// loop runs BLAS on one thread, while the large products before it (visual
/// encoder, cross-attention keys and values) keep every thread. Measured on
/// 2 cores (Base, 16 frames, beam 5, 20 steps): decode 7.9 s -> 3.2 s wall.
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

    /// The BLAS thread count now; 0 when the BLAS does not say.
    static int current();

private:
    int m_previous = 0;
};

} // namespace mplug2::model
