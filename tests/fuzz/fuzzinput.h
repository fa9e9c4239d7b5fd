#pragma once
/// Splits a fuzzer's bytes into a few option bytes and the rest, and stops
/// the process on a broken invariant (a crash is what libFuzzer reports).
///
///     FuzzInput in(data, size);
///     const unsigned mode = in.takeByte();
///     std::string_view text = in.rest();
///     fuzzCheck(ids.size() <= 77, "context length exceeded");

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace mplug2::fuzz {

class FuzzInput {
public:
    FuzzInput(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    { }

    unsigned takeByte()
    {
        if (m_pos >= m_size)
            return 0;
        return m_data[m_pos++];
    }

    std::string_view rest() const { return {reinterpret_cast<const char *>(m_data) + m_pos, m_size - m_pos}; }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

inline void fuzzCheck(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace mplug2::fuzz
