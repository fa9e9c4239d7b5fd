#pragma once
/// A one-line message for an exception caught at a library boundary:
/// LibTorch's c10::Error without its C++ backtrace, others' what().
///
///     try { ... } catch (const std::exception &e) { return makeError(ErrorCode::Internal, exceptionText(e));
///     }

#include <exception>
#include <string>

namespace mplug2::model {

std::string exceptionText(const std::exception &error);

} // namespace mplug2::model
