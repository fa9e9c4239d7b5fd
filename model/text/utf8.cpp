#include "model/text/utf8.h"

namespace mplug2::model::text {

namespace {

struct DecodedChar {
    char32_t cp;
    std::size_t length; ///< bytes consumed (>= 1)
    bool valid;
};

// One step of a well-formedness check following Unicode's table 3-7
// ("Well-Formed UTF-8 Byte Sequences"). An ill-formed sequence consumes its
// maximal subpart: the lead byte plus every continuation byte that was still
// acceptable at its position.
DecodedChar decodeOne(const unsigned char *p, std::size_t available)
{
    const unsigned char b0 = p[0];
    if (b0 < 0x80)
        return {b0, 1, true};
    std::size_t need = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0F;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        return {kReplacementCharacter, 1, false};
    }
    std::size_t i = 1;
    for (; i <= need; ++i) {
        if (i >= available)
            return {kReplacementCharacter, i, false};
        const unsigned char b = p[i];
        if (b < lo || b > hi)
            return {kReplacementCharacter, i, false};
        cp = (cp << 6) | (b & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    return {cp, i, true};
}

} // namespace

std::u32string decodeUtf8(std::string_view utf8, std::size_t *invalidSequences)
{
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t invalid = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    std::size_t i = 0;
    const std::size_t n = utf8.size();
    while (i < n) {
        if (p[i] < 0x80) {
            out.push_back(p[i++]);
            continue;
        }
        const DecodedChar c = decodeOne(p + i, n - i);
        if (!c.valid)
            ++invalid;
        out.push_back(c.cp);
        i += c.length;
    }
    if (invalidSequences)
        *invalidSequences = invalid;
    return out;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
        return;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = kReplacementCharacter;
    if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    }
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

std::string encodeUtf8(std::u32string_view codePoints)
{
    std::string out;
    out.reserve(codePoints.size());
    for (const char32_t cp : codePoints)
        appendUtf8(out, cp);
    return out;
}

bool isValidUtf8(std::string_view utf8)
{
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    std::size_t i = 0;
    while (i < utf8.size()) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const DecodedChar c = decodeOne(p + i, utf8.size() - i);
        if (!c.valid)
            return false;
        i += c.length;
    }
    return true;
}

} // namespace mplug2::model::text
