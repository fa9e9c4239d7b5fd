#include "model/text/pythonstring.h"

#include "model/text/unicodeproperties.h"
#include "model/text/utf8.h"

namespace mplug2::model::text {

std::string replaceAll(std::string_view text, std::string_view from, std::string_view to)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (true) {
        const std::size_t hit = from.empty() ? std::string_view::npos : text.find(from, pos);
        if (hit == std::string_view::npos)
            break;
        out.append(text.substr(pos, hit - pos));
        out.append(to);
        pos = hit + from.size();
    }
    out.append(text.substr(pos));
    return out;
}

std::string pythonStrip(std::string_view text)
{
    const std::u32string cps = decodeUtf8(text);
    std::size_t first = 0;
    while (first < cps.size() && isPythonSpace(cps[first]))
        ++first;
    std::size_t last = cps.size();
    while (last > first && isPythonSpace(cps[last - 1]))
        --last;
    return encodeUtf8(std::u32string_view(cps).substr(first, last - first));
}

std::string pythonRstrip(std::string_view text)
{
    const std::u32string cps = decodeUtf8(text);
    std::size_t last = cps.size();
    while (last > 0 && isPythonSpace(cps[last - 1]))
        --last;
    return encodeUtf8(std::u32string_view(cps).substr(0, last));
}

std::string_view stripAsciiChars(std::string_view text, std::string_view chars)
{
    const std::size_t first = text.find_first_not_of(chars);
    if (first == std::string_view::npos)
        return {};
    const std::size_t last = text.find_last_not_of(chars);
    return text.substr(first, last - first + 1);
}

std::string_view rstripAsciiChars(std::string_view text, std::string_view chars)
{
    const std::size_t last = text.find_last_not_of(chars);
    return last == std::string_view::npos ? std::string_view {} : text.substr(0, last + 1);
}

std::vector<std::string_view> splitOn(std::string_view text, std::string_view sep)
{
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (true) {
        const std::size_t hit = text.find(sep, pos);
        if (hit == std::string_view::npos || sep.empty())
            break;
        parts.push_back(text.substr(pos, hit - pos));
        pos = hit + sep.size();
    }
    parts.push_back(text.substr(pos));
    return parts;
}

std::string join(const std::vector<std::string_view> &parts, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out.append(sep);
        out.append(parts[i]);
    }
    return out;
}

std::string pythonLower(std::string_view utf8)
{
    return encodeUtf8(pythonLower(decodeUtf8(utf8)));
}

} // namespace mplug2::model::text
