// safetensors: an 8-byte little-endian header length N, N bytes of JSON
// ({"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]},
// "__metadata__": {"k": "v"}}), then the data buffer the offsets point into.
// The header is read by a small strict parser for exactly that shape.
#include "model/checkpoint/bytereader.h"
#include "model/checkpoint/checkpointformats.h"

#include <algorithm>
#include <map>
#include <set>

namespace mplug2::model::detail {

namespace {

constexpr std::uint64_t kMaxHeaderBytes = 100u << 20; // the reference implementation's cap
constexpr std::size_t kMaxDims = 64;

struct HeaderFailure {
    std::string message;
};

class HeaderParser {
public:
    explicit HeaderParser(std::string_view text)
        : m_text(text)
    { }

    [[noreturn]] void fail(const std::string &what) const
    {
        throw HeaderFailure {
            "the JSON header " + what + " (at byte " + std::to_string(m_pos) + " of the header)"};
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()
            && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'
                || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool consume(char c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    void expect(char c)
    {
        if (!consume(c))
            fail(std::string("expects '") + c + "'");
    }
    bool atEnd()
    {
        skipSpace();
        return m_pos == m_text.size();
    }

    std::string string()
    {
        expect('"');
        std::string out;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("has a control character in a string");
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out.push_back(e);
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u':
                appendUtf8(out, codePoint());
                break;
            default:
                fail("has a bad escape in a string");
            }
        }
        fail("ends inside a string");
    }

    std::uint64_t unsignedInteger()
    {
        skipSpace();
        const std::size_t start = m_pos;
        std::uint64_t value = 0;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
            if (!multiplyWithinLimit(value, 10, value)
                || !addWithinLimit(value, static_cast<std::uint64_t>(m_text[m_pos] - '0'), value))
                fail("has a number that overflows");
            ++m_pos;
        }
        if (m_pos == start)
            fail("expects a non-negative integer");
        return value;
    }

    std::vector<std::uint64_t> integerList(std::size_t maxItems)
    {
        std::vector<std::uint64_t> out;
        expect('[');
        if (consume(']'))
            return out;
        do {
            if (out.size() >= maxItems)
                fail("has a list longer than " + std::to_string(maxItems));
            out.push_back(unsignedInteger());
        } while (consume(','));
        expect(']');
        return out;
    }

private:
    std::uint32_t hex4()
    {
        if (m_text.size() - m_pos < 4)
            fail("ends inside a \\u escape");
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                fail("has a bad \\u escape");
        }
        return v;
    }
    std::uint32_t codePoint()
    {
        const std::uint32_t high = hex4();
        if (high < 0xD800 || high > 0xDBFF)
            return high;
        if (m_text.substr(m_pos, 2) != "\\u")
            fail("has an unpaired surrogate");
        m_pos += 2;
        const std::uint32_t low = hex4();
        if (low < 0xDC00 || low > 0xDFFF)
            fail("has an unpaired surrogate");
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    }
    static void appendUtf8(std::string &out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

struct HeaderTensor {
    std::string name;
    ElementType type = ElementType::Float32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

HeaderTensor parseTensor(HeaderParser &p, std::string name)
{
    HeaderTensor t;
    t.name = std::move(name);
    bool hasType = false, hasShape = false, hasOffsets = false;
    p.expect('{');
    do {
        const std::string field = p.string();
        p.expect(':');
        if (field == "dtype" && !hasType) {
            const std::string dtype = p.string();
            const auto type = elementTypeFromSafetensorsName(dtype);
            if (!type)
                throw HeaderFailure {
                    "tensor '" + t.name + "' has dtype '" + dtype + "', which is not supported"};
            t.type = *type;
            hasType = true;
        } else if (field == "shape" && !hasShape) {
            for (const std::uint64_t d : p.integerList(kMaxDims)) {
                if (d > (1ull << 62))
                    p.fail("has a dimension that is too large");
                t.shape.push_back(static_cast<std::int64_t>(d));
            }
            hasShape = true;
        } else if (field == "data_offsets" && !hasOffsets) {
            const auto offsets = p.integerList(2);
            if (offsets.size() != 2)
                p.fail("needs two data_offsets");
            t.begin = offsets[0];
            t.end = offsets[1];
            hasOffsets = true;
        } else {
            p.fail("has an unknown or repeated field '" + field + "' in tensor '" + t.name + "'");
        }
    } while (p.consume(','));
    p.expect('}');
    if (!hasType || !hasShape || !hasOffsets)
        throw HeaderFailure {"tensor '" + t.name + "' lacks dtype, shape or data_offsets"};
    return t;
}

} // namespace

Expected<CheckpointContents> readSafetensors(std::span<const std::uint8_t> bytes, const std::string &name)
{
    auto fail = [&](const std::string &what) {
        return makeError(ErrorCode::Format, "'" + name + "' is not a valid safetensors file: " + what);
    };
    ByteReader reader(bytes);
    std::uint64_t headerLength = 0;
    reader.readU64(headerLength);
    if (headerLength > kMaxHeaderBytes)
        return makeError(ErrorCode::LimitExceeded,
            "'" + name + "' has a safetensors header of " + std::to_string(headerLength) + " bytes (limit "
                + std::to_string(kMaxHeaderBytes) + ")");
    std::string_view headerText;
    if (!reader.readText(headerLength, headerText))
        return fail("the header is longer than the file (truncated?)");
    const std::uint64_t dataStart = reader.position();
    const std::uint64_t dataSize = reader.remaining();

    CheckpointContents out;
    std::vector<HeaderTensor> tensors;
    try {
        HeaderParser p(headerText);
        std::set<std::string> seen;
        p.expect('{');
        if (!p.consume('}')) {
            do {
                std::string key = p.string();
                p.expect(':');
                if (!seen.insert(key).second)
                    p.fail("names '" + key + "' twice");
                if (key == "__metadata__") {
                    p.expect('{');
                    if (!p.consume('}')) {
                        do {
                            std::string k = p.string();
                            p.expect(':');
                            out.metadata.emplace_back(std::move(k), p.string());
                        } while (p.consume(','));
                        p.expect('}');
                    }
                } else {
                    tensors.push_back(parseTensor(p, std::move(key)));
                }
            } while (p.consume(','));
            p.expect('}');
        }
        if (!p.atEnd())
            p.fail("has text after its end");
    } catch (const HeaderFailure &failure) {
        return fail(failure.message);
    }

    std::vector<std::size_t> byOffset(tensors.size());
    for (std::size_t i = 0; i < tensors.size(); ++i)
        byOffset[i] = i;
    std::sort(byOffset.begin(), byOffset.end(),
        [&](std::size_t a, std::size_t b) { return tensors[a].begin < tensors[b].begin; });
    std::uint64_t previousEnd = 0;
    for (const std::size_t i : byOffset) {
        const HeaderTensor &t = tensors[i];
        std::uint64_t numel = 1, bytesNeeded = 0;
        for (const std::int64_t d : t.shape) {
            if (!multiplyWithinLimit(numel, static_cast<std::uint64_t>(d), numel))
                return fail("tensor '" + t.name + "' has a shape whose size overflows");
        }
        if (!multiplyWithinLimit(numel, static_cast<std::uint64_t>(elementSize(t.type)), bytesNeeded)
            || t.end < t.begin || t.end - t.begin != bytesNeeded)
            return fail("tensor '" + t.name + "' has data_offsets that do not match its shape and dtype");
        if (t.end > dataSize)
            return fail("tensor '" + t.name + "' reaches byte " + std::to_string(t.end) + " of a "
                + std::to_string(dataSize) + "-byte data buffer (truncated?)");
        if (t.begin < previousEnd)
            return fail("tensor '" + t.name + "' overlaps another tensor's data");
        previousEnd = t.end;
    }

    for (HeaderTensor &t : tensors) {
        StoredTensor stored;
        stored.entry = static_cast<std::uint32_t>(out.entries.size());
        stored.type = t.type;
        stored.shape = t.shape;
        stored.strides.assign(t.shape.size(), 1);
        for (std::size_t d = t.shape.size(); d-- > 1;)
            stored.strides[d - 1] = stored.strides[d] * std::max<std::int64_t>(t.shape[d], 1);
        stored.storage = static_cast<std::uint32_t>(out.storages.size());
        out.storages.push_back(
            StoredStorage {t.name, t.type, stored.numel(), dataStart + t.begin, t.end - t.begin});
        out.entries.push_back(TopLevelEntry {t.name, "", 1, t.end - t.begin});
        stored.name = std::move(t.name);
        out.tensors.push_back(std::move(stored));
    }
    // Tied tensors our writer stored once (see kSafetensorsTiedPrefix).
    std::map<std::string, std::size_t> byName;
    for (std::size_t i = 0; i < out.tensors.size(); ++i)
        byName.emplace(out.tensors[i].name, i);
    const std::string prefix = kSafetensorsTiedPrefix;
    for (const auto &[key, target] : out.metadata) {
        if (key.compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::string name = key.substr(prefix.size());
        const auto source = byName.find(target);
        if (source == byName.end() || byName.count(name))
            return fail("tied tensor '" + name + "' names a missing tensor or one that exists already");
        StoredTensor tiedTensor = out.tensors[source->second];
        tiedTensor.name = name;
        tiedTensor.entry = static_cast<std::uint32_t>(out.entries.size());
        out.entries.push_back(TopLevelEntry {name, "", 1, out.storages[tiedTensor.storage].byteSize});
        byName.emplace(name, out.tensors.size());
        out.tensors.push_back(std::move(tiedTensor));
    }
    for (std::size_t i = 0; i < out.tensors.size(); ++i) {
        const StoredTensor &t = out.tensors[i];
        out.entries[i].description = std::string("tensor ") + elementTypeName(t.type);
    }
    return out;
}

} // namespace mplug2::model::detail
