#pragma once
/// What an incremental decoder keeps between steps: per layer the
/// self-attention keys/values of the tokens so far (one row per beam), and
/// the cross-attention keys/values of the encoder states, computed once per
/// item and shared by all of its beams. Internal header of model/ (torch types).

#include "model/modules/bertselfattention.h"

#include <vector>

namespace mplug2::model {

struct DecoderCache {
    std::vector<KeyValueCache> self;
    std::vector<KeyValue> cross;
    /// Additive cross-attention mask (items, 1, 1, Lk).
    at::Tensor crossMask;

    int64_t length() const { return self.empty() ? 0 : self.front().length; }
    int64_t rows() const { return self.empty() ? 0 : self.front().key.size(0); }
    int64_t items() const { return crossMask.defined() ? crossMask.size(0) : 0; }

    /// Beam search picked new parents: row i continues row `rowIndex[i]`.
    void reorderRows(const at::Tensor &rowIndex);
    /// Keeps only the listed items' cross keys/values (finished items leave).
    void keepItems(const at::Tensor &itemIndex);
};

} // namespace mplug2::model
