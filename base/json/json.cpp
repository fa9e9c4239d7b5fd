#include "base/json/json.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

namespace mplug2::json {

namespace {

struct TooDeep { };

const std::string kEmpty;

/// "[json.exception.parse_error.101] parse error at line 1, column 4: x" -> "x".
std::string plainReason(const char *what)
{
    std::string text = what;
    const auto colon = text.find(": ");
    if (text.rfind("[json.exception", 0) == 0 && colon != std::string::npos)
        text = text.substr(colon + 2);
    return text;
}

void dumpTo(const Json &v, std::string &out, int indent, int level)
{
    const auto newline = [&](int lvl) {
        if (indent >= 0) {
            out += '\n';
            out.append(static_cast<std::size_t>(indent * lvl), ' ');
        }
    };
    if (v.is_array()) {
        out += '[';
        bool first = true;
        for (const Json &item : v) {
            if (!first)
                out += indent >= 0 ? "," : ", ";
            first = false;
            newline(level + 1);
            dumpTo(item, out, indent, level + 1);
        }
        if (!v.empty())
            newline(level);
        out += ']';
    } else if (v.is_object()) {
        out += '{';
        bool first = true;
        for (const auto &[key, item] : v.items()) {
            if (!first)
                out += indent >= 0 ? "," : ", ";
            first = false;
            newline(level + 1);
            out += Json(key).dump(-1, ' ', false, Json::error_handler_t::replace);
            out += ": ";
            dumpTo(item, out, indent, level + 1);
        }
        if (!v.empty())
            newline(level);
        out += '}';
    } else if (v.is_number_float() && !std::isfinite(v.get<double>())) {
        out += "null"; // JSON has no NaN or infinity
    } else {
        out += v.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
}

} // namespace

Expected<Json> parse(std::string_view text, int maxDepth)
{
    const auto bounded = [maxDepth](int depth, nlohmann::detail::parse_event_t, Json &) {
        if (depth > maxDepth)
            throw TooDeep {};
        return true;
    };
    try {
        return Json::parse(text.begin(), text.end(), bounded);
    } catch (const TooDeep &) {
        return makeError(ErrorCode::Format, "JSON: nesting deeper than " + std::to_string(maxDepth));
    } catch (const nlohmann::json::parse_error &e) {
        return makeError(
            ErrorCode::Format, "JSON: " + plainReason(e.what()) + " at byte " + std::to_string(e.byte));
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "JSON: out of memory");
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Format, "JSON: " + plainReason(e.what()));
    }
}

Expected<Json> parseFile(const std::string &path, std::size_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot open '" + path + "'");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0)
        return makeError(ErrorCode::Io, "cannot read '" + path + "'");
    if (static_cast<std::uint64_t>(size) > maxBytes)
        return makeError(ErrorCode::LimitExceeded,
            "'" + path + "' is " + std::to_string(size) + " bytes; JSON files are read up to "
                + std::to_string(maxBytes));
    std::string text(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(text.data(), size))
        return makeError(ErrorCode::Io, "cannot read '" + path + "'");
    Expected<Json> doc = parse(text);
    if (!doc)
        return makeError(doc.error().code, "'" + path + "': " + doc.error().message);
    return doc;
}

std::string dump(const Json &value, int indent)
{
    std::string out;
    dumpTo(value, out, indent, 0);
    return out;
}

bool View::isNull() const
{
    return !m_value || m_value->is_null();
}
bool View::isBool() const
{
    return m_value && m_value->is_boolean();
}
bool View::isNumber() const
{
    return m_value && m_value->is_number();
}
bool View::isInteger() const
{
    return m_value && m_value->is_number_integer();
}
bool View::isString() const
{
    return m_value && m_value->is_string();
}
bool View::isArray() const
{
    return m_value && m_value->is_array();
}
bool View::isObject() const
{
    return m_value && m_value->is_object();
}

bool View::asBool(bool fallback) const
{
    return isBool() ? m_value->get<bool>() : fallback;
}

double View::asDouble(double fallback) const
{
    return isNumber() ? m_value->get<double>() : fallback;
}

std::int64_t View::asInt(std::int64_t fallback) const
{
    if (!isNumber())
        return fallback;
    if (m_value->is_number_unsigned()) {
        const auto u = m_value->get<std::uint64_t>();
        return u > std::uint64_t(std::numeric_limits<std::int64_t>::max())
            ? std::numeric_limits<std::int64_t>::max()
            : std::int64_t(u);
    }
    if (m_value->is_number_integer())
        return m_value->get<std::int64_t>();
    const double d = m_value->get<double>();
    if (!std::isfinite(d))
        return fallback;
    if (d >= 9.2233720368547758e18)
        return std::numeric_limits<std::int64_t>::max();
    if (d <= -9.2233720368547758e18)
        return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(d);
}

const std::string &View::asString() const
{
    return isString() ? m_value->get_ref<const std::string &>() : kEmpty;
}

std::size_t View::size() const
{
    return isArray() || isObject() ? m_value->size() : 0;
}

bool View::contains(std::string_view key) const
{
    return isObject() && m_value->contains(key);
}

View View::operator[](std::string_view key) const
{
    if (!isObject())
        return {};
    const auto it = m_value->find(key);
    return it == m_value->end() ? View() : View(*it);
}

View View::operator[](std::size_t index) const
{
    if (!isArray() || index >= m_value->size())
        return {};
    return View((*m_value)[index]);
}

std::vector<View> View::items() const
{
    std::vector<View> out;
    if (isArray()) {
        out.reserve(m_value->size());
        for (const Json &item : *m_value)
            out.emplace_back(item);
    }
    return out;
}

std::vector<std::pair<std::string, View>> View::members() const
{
    std::vector<std::pair<std::string, View>> out;
    if (isObject()) {
        out.reserve(m_value->size());
        for (const auto &[key, item] : m_value->items())
            out.emplace_back(key, View(item));
    }
    return out;
}

Json View::toJson() const
{
    return m_value ? *m_value : Json();
}

std::string View::dump(int indent) const
{
    return m_value ? json::dump(*m_value, indent) : std::string("null");
}

} // namespace mplug2::json
