#pragma once
/// Errors cross a library boundary as values: `Expected<T>` holds either a
/// value or an `Error` (a code plus a message for people).
///
///     Expected<Checkpoint> ck = Checkpoint::open(path);
///     if (!ck) { std::cerr << ck.error().message << '\n'; return 1; }
///     use(*ck);
///
/// Exceptions stay inside a layer; its public functions turn them into
/// Error values. Messages say what was wrong, with which file, and what the
/// user can do.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace mplug2 {

enum class ErrorCode {
    InvalidArgument, ///< the caller passed something unusable
    NotFound, ///< a file, key or entry does not exist
    Io, ///< reading or writing failed
    Format, ///< a file is malformed, truncated or hostile
    Unsupported, ///< well-formed but beyond what we handle
    LimitExceeded, ///< a size, count, depth or time limit was hit
    Cancelled, ///< the user or a caller asked to stop
    OutOfMemory, ///< host or device memory ran out
    Internal, ///< a bug on our side
};

const char *errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
};

inline Error makeError(ErrorCode code, std::string message)
{
    return Error {code, std::move(message)};
}

template<typename T> class [[nodiscard]] Expected {
public:
    Expected(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Expected(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() &
    {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    const T &value() const &
    {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    T &&value() &&
    {
        assert(hasValue());
        return std::get<0>(std::move(m_state));
    }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const
    {
        assert(!hasValue());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

/// For operations that return nothing but can fail.
template<> class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const Error &error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

inline const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return "invalid-argument";
    case ErrorCode::NotFound:
        return "not-found";
    case ErrorCode::Io:
        return "io";
    case ErrorCode::Format:
        return "format";
    case ErrorCode::Unsupported:
        return "unsupported";
    case ErrorCode::LimitExceeded:
        return "limit-exceeded";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::OutOfMemory:
        return "out-of-memory";
    case ErrorCode::Internal:
        return "internal";
    }
    return "unknown";
}

} // namespace mplug2
