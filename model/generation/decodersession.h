#pragma once
/// One decoding run of the decoder over fixed encoder states, for rows
/// grouped by item (beams or samples). With the cache it feeds only the new
/// tokens and reuses the items' cross-attention keys/values; without it, it
/// recomputes the whole prefix and per-row cross keys/values every step,
/// exactly like the official predictor. Internal header of model/ (torch types).

#include "model/modules/bertlmheadmodel.h"

namespace mplug2::model {

class DecoderSession {
public:
    /// encoder (items, Lk, W), encoderMask (items, Lk); `rowsPerItem` rows per
    /// item at the start; room for `capacity` tokens per row.
    DecoderSession(BertLMHeadModelImpl &decoder, const at::Tensor &encoder, const at::Tensor &encoderMask,
        int64_t rowsPerItem, int64_t capacity, bool useCache);

    /// Logits (rows, vocab) for the token after each row of `sequences` (rows, t).
    at::Tensor nextLogits(const at::Tensor &sequences);

    /// Row i of the next step continues previous row `rowIndex[i]`; when items
    /// finished, `keptItems` lists the surviving items (in order).
    void select(const at::Tensor &rowIndex, const at::Tensor &keptItems = {});

private:
    BertLMHeadModelImpl &m_decoder;
    bool m_useCache;
    DecoderCache m_cache;
    at::Tensor m_rowStates; ///< official mode: encoder states per row
    at::Tensor m_rowMask;
};

} // namespace mplug2::model
