#include "model/text/wordpiecevocab.h"

#include "model/text/utf8.h"

#include <fstream>
#include <sstream>

namespace mplug2::model::text {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

Expected<WordPieceVocab> WordPieceVocab::load(const std::filesystem::path &file)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        return makeError(ErrorCode::NotFound,
            "cannot read the WordPiece vocabulary " + file.string() + ": " + ec.message());
    if (size > kMaxFileBytes)
        return makeError(ErrorCode::LimitExceeded,
            "the WordPiece vocabulary " + file.string() + " is " + std::to_string(size) + " bytes; more than "
                + std::to_string(kMaxFileBytes) + " is refused");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open the WordPiece vocabulary " + file.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), file.string());
}

Expected<WordPieceVocab> WordPieceVocab::parse(std::string_view contents, const std::string &origin)
{
    if (!isValidUtf8(contents))
        return makeError(ErrorCode::Format,
            "the WordPiece vocabulary " + origin + " is not UTF-8 text (expected one token per line)");
    WordPieceVocab vocab;
    std::vector<std::string> lines;
    // Python's text mode reads "\n", "\r\n" and "\r" all as line ends.
    std::size_t begin = 0;
    for (std::size_t i = 0; i < contents.size(); ++i) {
        if (contents[i] != '\n' && contents[i] != '\r')
            continue;
        lines.emplace_back(contents.substr(begin, i - begin));
        if (contents[i] == '\r' && i + 1 < contents.size() && contents[i + 1] == '\n')
            ++i;
        begin = i + 1;
    }
    if (begin < contents.size())
        lines.emplace_back(contents.substr(begin));

    vocab.m_ids.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        vocab.m_longestTokenBytes = std::max(vocab.m_longestTokenBytes, lines[i].size());
        vocab.m_ids[lines[i]] = static_cast<TokenId>(i);
    }
    // A token listed twice keeps its last id; the earlier id has no token
    // (the official ids_to_tokens is built from the token -> id map).
    vocab.m_tokens.resize(lines.size());
    for (const auto &[tok, id] : vocab.m_ids)
        vocab.m_tokens[static_cast<std::size_t>(id)] = tok;

    const auto unk = vocab.m_ids.find(vocab.m_unknownToken);
    if (unk == vocab.m_ids.end())
        return makeError(ErrorCode::Format,
            "the WordPiece vocabulary " + origin + " has no " + vocab.m_unknownToken + " line ("
                + std::to_string(lines.size()) + " lines read)");
    vocab.m_unknownId = unk->second;
    return vocab;
}

std::optional<TokenId> WordPieceVocab::find(std::string_view token) const
{
    const auto it = m_ids.find(std::string(token));
    if (it == m_ids.end())
        return std::nullopt;
    return it->second;
}

TokenId WordPieceVocab::idOrUnknown(std::string_view token) const
{
    return find(token).value_or(m_unknownId);
}

const std::string *WordPieceVocab::token(TokenId id) const
{
    if (id < 0 || static_cast<std::size_t>(id) >= m_tokens.size() || !m_tokens[static_cast<std::size_t>(id)])
        return nullptr;
    return &*m_tokens[static_cast<std::size_t>(id)];
}

void WordPieceVocab::appendWordPieces(std::string_view word, std::vector<TokenId> &ids) const
{
    if (word.empty())
        return;
    // Four bytes per character at most: a longer word is over the limit for sure.
    if (word.size() > 4 * kMaxCharsPerWord) {
        ids.push_back(m_unknownId);
        return;
    }
    // Byte offset of every character start, plus the end.
    thread_local std::vector<std::size_t> starts;
    thread_local std::string candidate;
    starts.clear();
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (!isContinuationByte(word[i]))
            starts.push_back(i);
    }
    starts.push_back(word.size());
    const std::size_t chars = starts.size() - 1;
    if (chars > kMaxCharsPerWord) {
        ids.push_back(m_unknownId);
        return;
    }

    const std::size_t firstPiece = ids.size();
    std::size_t start = 0;
    while (start < chars) {
        const std::size_t prefix = start > 0 ? 2 : 0;
        std::size_t end = chars;
        bool found = false;
        for (; end > start; --end) {
            const std::size_t bytes = starts[end] - starts[start];
            if (bytes + prefix > m_longestTokenBytes)
                continue;
            candidate.assign(start > 0 ? "##" : "");
            candidate.append(word.substr(starts[start], bytes));
            const auto it = m_ids.find(candidate);
            if (it != m_ids.end()) {
                ids.push_back(it->second);
                found = true;
                break;
            }
        }
        if (!found) {
            ids.resize(firstPiece);
            ids.push_back(m_unknownId);
            return;
        }
        start = end;
    }
}

} // namespace mplug2::model::text
