#include "model/generation/decodersession.h"

#include "model/runtime/blasthreads.h"

#include <optional>
#include <torch/torch.h>

namespace mplug2::model {

namespace {
// Up to this many new rows a step runs BLAS on one thread.
constexpr int64_t kFewRows = 64;
} // namespace

DecoderSession::DecoderSession(BertLMHeadModelImpl &decoder, const at::Tensor &encoder,
    const at::Tensor &encoderMask, int64_t rowsPerItem, int64_t capacity, bool useCache)
    : m_decoder(decoder)
    , m_useCache(useCache)
{
    if (useCache) {
        m_cache = decoder.bert->startDecoding(encoder, encoderMask, encoder.size(0) * rowsPerItem, capacity);
    } else {
        m_rowStates = encoder.repeat_interleave(rowsPerItem, 0);
        m_rowMask = encoderMask.repeat_interleave(rowsPerItem, 0);
    }
}

at::Tensor DecoderSession::nextLogits(const at::Tensor &sequences)
{
    if (!m_useCache) {
        const auto mask = torch::ones(sequences.sizes(), sequences.options());
        const auto hidden = m_decoder.bert->decode(sequences, mask, m_rowStates, m_rowMask);
        return m_decoder.predictions(hidden.select(1, hidden.size(1) - 1));
    }
    const int64_t fed = m_cache.length();
    TORCH_CHECK(sequences.size(1) > fed, "decoder session: no new tokens to feed");
    // A step multiplies a few rows (one per beam): faster on one BLAS thread
    // when the BLAS has its own thread pool (see blasthreads.h). The first
    // step, with a long prefix, keeps them all.
    const bool fewRows = sequences.size(0) * (sequences.size(1) - fed) <= kFewRows;
    std::optional<ScopedBlasThreads> oneThread;
    if (fewRows && sequences.device().is_cpu() && ScopedBlasThreads::hasOwnThreadPool())
        oneThread.emplace(1);
    const auto hidden
        = m_decoder.bert->decodeStep(sequences.narrow(1, fed, sequences.size(1) - fed), m_cache);
    return m_decoder.predictions(hidden.select(1, hidden.size(1) - 1));
}

void DecoderSession::select(const at::Tensor &rowIndex, const at::Tensor &keptItems)
{
    if (!m_useCache) {
        m_rowStates = m_rowStates.index_select(0, rowIndex);
        m_rowMask = m_rowMask.index_select(0, rowIndex);
        return;
    }
    m_cache.reorderRows(rowIndex);
    if (keptItems.defined())
        m_cache.keepItems(keptItems);
}

} // namespace mplug2::model
