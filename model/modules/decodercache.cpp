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

void DecoderCache::keepItems(const at::Tensor &itemIndex)
{
    for (auto &layer : cross) {
        layer.key = layer.key.index_select(0, itemIndex);
        layer.value = layer.value.index_select(0, itemIndex);
    }
    crossMask = crossMask.index_select(0, itemIndex);
}

} // namespace mplug2::model
