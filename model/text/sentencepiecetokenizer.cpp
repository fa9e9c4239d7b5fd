#include "model/text/sentencepiecetokenizer.h"

#include "model/text/sentencepieceplugin.h"
#include "model/text/utf8.h"

#include <array>

namespace mplug2::model::text {

Expected<std::unique_ptr<SentencePieceTokenizer>> SentencePieceTokenizer::load(
    const std::filesystem::path &modelFile)
{
    Expected<const Mplug2SpmApi *> api = sentencePieceApi();
    if (!api)
        return api.error();
    return load(modelFile, **api);
}

Expected<std::unique_ptr<SentencePieceTokenizer>> SentencePieceTokenizer::load(
    const std::filesystem::path &modelFile, const Mplug2SpmApi &api)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(modelFile, ec))
        return makeError(ErrorCode::NotFound, "no SentencePiece model at " + modelFile.string());
    std::array<char, 512> error {};
    Mplug2SpmModel *model = nullptr;
    if (api.load(modelFile.c_str(), &model, error.data(), error.size()) != 0)
        return makeError(ErrorCode::Format,
            "cannot load the SentencePiece model " + modelFile.string() + ": " + error.data());
    return std::unique_ptr<SentencePieceTokenizer>(new SentencePieceTokenizer(api, model));
}

SentencePieceTokenizer::SentencePieceTokenizer(const Mplug2SpmApi &api, Mplug2SpmModel *model)
    : m_api(api)
    , m_model(model)
{
    m_special.unknown = m_api.specialId(m_model, MPLUG2_SPM_UNKNOWN);
    m_special.start = m_api.specialId(m_model, MPLUG2_SPM_BOS);
    m_special.end = m_api.specialId(m_model, MPLUG2_SPM_EOS);
    const int pad = m_api.specialId(m_model, MPLUG2_SPM_PAD);
    m_special.padding = pad >= 0 ? pad : 0;
    for (const TokenId id : {m_special.start, m_special.end})
        if (id >= 0)
            if (std::string piece = idToToken(id); !piece.empty())
                m_specialPieces.emplace_back(std::move(piece), id);
}

SentencePieceTokenizer::~SentencePieceTokenizer()
{
    m_api.release(m_model);
}

std::vector<TokenId> SentencePieceTokenizer::encode(std::string_view utf8, const EncodeOptions &options) const
{
    std::vector<TokenId> ids;
    if (options.addSpecialTokens && m_special.start >= 0)
        ids.push_back(m_special.start);
    // SentencePiece expects well-formed UTF-8: bad bytes become U+FFFD first.
    const std::string text = isValidUtf8(utf8) ? std::string(utf8) : encodeUtf8(decodeUtf8(utf8));
    // The start and end pieces written as text (the official code appends
    // "[SEP]" to answers and captions) are read as those tokens, as BERT's
    // tokenizer reads its special tokens; SentencePiece itself never does.
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t found = std::string::npos;
        TokenId special = -1;
        for (const auto &[piece, id] : m_specialPieces) {
            const std::size_t at = text.find(piece, begin);
            if (at < found) {
                found = at;
                special = id;
            }
        }
        const std::size_t end = found == std::string::npos ? text.size() : found;
        if (end > begin)
            appendPieces(std::string_view(text).substr(begin, end - begin), ids);
        if (found == std::string::npos)
            break;
        ids.push_back(special);
        begin = found + idToToken(special).size();
    }
    if (options.maxLength > 0 && ids.size() > options.maxLength)
        ids.resize(options.maxLength);
    return ids;
}

void SentencePieceTokenizer::appendPieces(std::string_view text, std::vector<TokenId> &ids) const
{
    int *buffer = nullptr;
    std::size_t count = 0;
    std::array<char, 512> error {};
    // Encoding valid UTF-8 only fails when memory runs out; the ids so far
    // are then all there is.
    if (m_api.encode(m_model, text.data(), text.size(), &buffer, &count, error.data(), error.size()) == 0) {
        ids.insert(ids.end(), buffer, buffer + count);
        m_api.freeBuffer(buffer);
    }
}

std::string SentencePieceTokenizer::decode(std::span<const TokenId> ids, const DecodeOptions &options) const
{
    const auto size = static_cast<TokenId>(vocabSize());
    std::vector<int> kept;
    kept.reserve(ids.size());
    for (const TokenId id : ids) {
        if (id < 0 || id >= size)
            continue;
        if (options.skipSpecialTokens && m_api.isSpecial(m_model, static_cast<int>(id)))
            continue;
        kept.push_back(static_cast<int>(id));
    }
    char *text = nullptr;
    std::size_t length = 0;
    std::array<char, 512> error {};
    if (m_api.decode(m_model, kept.data(), kept.size(), &text, &length, error.data(), error.size()) != 0)
        return {};
    std::string out(text, length);
    m_api.freeBuffer(text);
    return out;
}

std::string SentencePieceTokenizer::idToToken(TokenId id) const
{
    if (id < 0 || id >= static_cast<TokenId>(vocabSize()))
        return {};
    std::size_t length = 0;
    const char *piece = m_api.idToPiece(m_model, static_cast<int>(id), &length);
    return piece ? std::string(piece, length) : std::string();
}

TokenId SentencePieceTokenizer::tokenToId(std::string_view token) const
{
    return m_api.pieceToId(m_model, token.data(), token.size());
}

std::size_t SentencePieceTokenizer::vocabSize() const
{
    return static_cast<std::size_t>(m_api.pieceCount(m_model));
}

} // namespace mplug2::model::text
