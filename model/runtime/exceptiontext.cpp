#include "model/runtime/exceptiontext.h"

#include <c10/util/Exception.h>

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

} // namespace mplug2::model
