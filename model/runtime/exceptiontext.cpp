#include "model/runtime/exceptiontext.h"

#include <c10/util/Exception.h>
#include <new>

namespace mplug2::model {

std::string exceptionText(const std::exception &error)
{
    std::string text;
    if (const auto *torchError = dynamic_cast<const c10::Error *>(&error))
        text = torchError->what_without_backtrace();
    else
        text = error.what();
    // Keep the first line: LibTorch appends context lines meant for its developers.
    const auto newline = text.find('\n');
    return newline == std::string::npos ? text : text.substr(0, newline);
}

bool isOutOfMemory(const std::exception &error)
{
    if (dynamic_cast<const c10::OutOfMemoryError *>(&error) || dynamic_cast<const std::bad_alloc *>(&error))
        return true;
    // The one allocator without a type of its own: the CPU allocator of this
    // LibTorch (alloc_cpu.cpp) fails with CAFFE_ENFORCE, a plain c10::Error.
    // Tell it by its origin, the allocator's own prefix, not by words that
    // any message could contain.
    if (const auto *torchError = dynamic_cast<const c10::Error *>(&error))
        return torchError->msg().rfind("DefaultCPUAllocator: ", 0) == 0
            || torchError->msg().find("] err == 0. DefaultCPUAllocator: ") != std::string::npos;
    return false;
}

} // namespace mplug2::model
