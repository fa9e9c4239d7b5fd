#include "model/modules/decodercache.h"

#include <torch/torch.h>

namespace mplug2::model {

void DecoderCache::reorderRows(const at::Tensor &rowIndex)
{
    for (auto &layer : self) {
        layer.key = layer.key.index_select(0, rowIndex);
        layer.value = layer.value.index_select(0, rowIndex);
    }
}

namespace {

// index_select returns the standard layout; a tensor stored transposed
// (unit stride along the keys, see BertModelImpl::startDecoding) stays so.
at::Tensor selectItems(const at::Tensor &t, const at::Tensor &itemIndex)
{
    if (t.stride(-1) != 1 && t.stride(-2) == 1)
        return t.transpose(-1, -2).index_select(0, itemIndex).transpose(-1, -2);
    return t.index_select(0, itemIndex);
}

} // namespace

void DecoderCache::keepItems(const at::Tensor &itemIndex)
{
    for (auto &layer : cross) {
        layer.key = selectItems(layer.key, itemIndex);
        layer.value = selectItems(layer.value, itemIndex);
    }
    crossMask = crossMask.index_select(0, itemIndex);
}

} // namespace mplug2::model
