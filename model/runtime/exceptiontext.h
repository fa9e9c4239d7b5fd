#pragma once
/// A one-line message for an exception caught at a library boundary:
/// LibTorch's c10::Error without its C++ backtrace, others' what(); and
/// whether it is an out-of-memory error.
///
///     try { ... } catch (const std::exception &e) { return makeError(ErrorCode::Internal, exceptionText(e));
///     }

#include <exception>
#include <string>

namespace mplug2::model {

std::string exceptionText(const std::exception &error);

/// Whether `error` says memory ran out: std::bad_alloc, or LibTorch's
/// c10::OutOfMemoryError (what its CPU and CUDA allocators throw), told by
/// type, not by the words of the message.
bool isOutOfMemory(const std::exception &error);

} // namespace mplug2::model
