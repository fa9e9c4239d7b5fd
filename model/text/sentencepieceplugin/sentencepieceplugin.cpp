// libmplug2_sentencepiece.so: the C table of sentencepieceapi.h over
// libsentencepiece. Built without LibTorch so that SentencePiece's protobuf
// never meets LibTorch's (see sentencepieceapi.h).
#include "model/text/sentencepieceapi.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>
#include <string>
#include <unordered_map>
#include <vector>

struct Mplug2SpmModel {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

int fail(char *error, std::size_t errorSize, const std::string &message)
{
    if (error && errorSize > 0) {
        const std::size_t n = std::min(errorSize - 1, message.size());
        std::memcpy(error, message.data(), n);
        error[n] = '\0';
    }
    return 1;
}

template<typename F> int guarded(char *error, std::size_t errorSize, F &&body)
{
    try {
        return body();
    } catch (const std::bad_alloc &) {
        return fail(error, errorSize, "out of memory in SentencePiece");
    } catch (const std::exception &e) {
        return fail(error, errorSize, std::string("SentencePiece: ") + e.what());
    } catch (...) {
        return fail(error, errorSize, "SentencePiece failed");
    }
}

int finishLoad(std::unique_ptr<Mplug2SpmModel> model, const sentencepiece::util::Status &status,
    Mplug2SpmModel **out, char *error, std::size_t errorSize)
{
    if (!status.ok())
        return fail(error, errorSize, status.ToString());
    *out = model.release();
    return 0;
}

int load(const char *path, Mplug2SpmModel **out, char *error, std::size_t errorSize)
{
    return guarded(error, errorSize, [&] {
        auto model = std::make_unique<Mplug2SpmModel>();
        const auto status = model->processor.Load(path);
        return finishLoad(std::move(model), status, out, error, errorSize);
    });
}

int loadFromMemory(
    const char *data, std::size_t size, Mplug2SpmModel **out, char *error, std::size_t errorSize)
{
    return guarded(error, errorSize, [&] {
        auto model = std::make_unique<Mplug2SpmModel>();
        const auto status = model->processor.LoadFromSerializedProto(std::string(data, size));
        return finishLoad(std::move(model), status, out, error, errorSize);
    });
}

void release(Mplug2SpmModel *model)
{
    delete model;
}

int pieceCount(const Mplug2SpmModel *model)
{
    return model->processor.GetPieceSize();
}

int pieceToId(const Mplug2SpmModel *model, const char *piece, std::size_t size)
{
    return model->processor.PieceToId(std::string(piece, size));
}

const char *idToPiece(const Mplug2SpmModel *model, int id, std::size_t *size)
{
    if (id < 0 || id >= model->processor.GetPieceSize())
        return nullptr;
    const std::string &piece = model->processor.IdToPiece(id);
    *size = piece.size();
    return piece.c_str();
}

int specialId(const Mplug2SpmModel *model, int which)
{
    switch (which) {
    case MPLUG2_SPM_UNKNOWN:
        return model->processor.unk_id();
    case MPLUG2_SPM_BOS:
        return model->processor.bos_id();
    case MPLUG2_SPM_EOS:
        return model->processor.eos_id();
    case MPLUG2_SPM_PAD:
        return model->processor.pad_id();
    default:
        return -1;
    }
}

int isSpecial(const Mplug2SpmModel *model, int id)
{
    if (id < 0 || id >= model->processor.GetPieceSize())
        return 0;
    const auto &p = model->processor;
    return p.IsControl(id) || p.IsUnknown(id) || p.IsUnused(id) ? 1 : 0;
}

int encode(const Mplug2SpmModel *model, const char *text, std::size_t size, int **ids, std::size_t *count,
    char *error, std::size_t errorSize)
{
    return guarded(error, errorSize, [&] {
        std::vector<int> out;
        const auto status = model->processor.Encode(std::string(text, size), &out);
        if (!status.ok())
            return fail(error, errorSize, status.ToString());
        auto *buffer = static_cast<int *>(std::malloc(std::max<std::size_t>(1, out.size()) * sizeof(int)));
        if (!buffer)
            return fail(error, errorSize, "out of memory in SentencePiece");
        std::memcpy(buffer, out.data(), out.size() * sizeof(int));
        *ids = buffer;
        *count = out.size();
        return 0;
    });
}

int decode(const Mplug2SpmModel *model, const int *ids, std::size_t count, char **text, std::size_t *size,
    char *error, std::size_t errorSize)
{
    return guarded(error, errorSize, [&] {
        std::string out;
        const auto status = model->processor.Decode(std::vector<int>(ids, ids + count), &out);
        if (!status.ok())
            return fail(error, errorSize, status.ToString());
        auto *buffer = static_cast<char *>(std::malloc(out.size() + 1));
        if (!buffer)
            return fail(error, errorSize, "out of memory in SentencePiece");
        std::memcpy(buffer, out.c_str(), out.size() + 1);
        *text = buffer;
        *size = out.size();
        return 0;
    });
}

void freeBuffer(void *buffer)
{
    std::free(buffer);
}

class SentenceList : public sentencepiece::SentenceIterator {
public:
    SentenceList(const char *const *sentences, std::size_t count)
        : m_sentences(sentences)
        , m_count(count)
    {
        load();
    }
    bool done() const override { return m_index >= m_count; }
    void Next() override
    {
        ++m_index;
        load();
    }
    const std::string &value() const override { return m_current; }
    sentencepiece::util::Status status() const override { return sentencepiece::util::Status(); }

private:
    void load()
    {
        if (m_index < m_count)
            m_current = m_sentences[m_index];
    }
    const char *const *m_sentences;
    std::size_t m_count;
    std::size_t m_index = 0;
    std::string m_current;
};

int train(const char *const *keys, const char *const *values, std::size_t optionCount,
    const char *const *sentences, std::size_t sentenceCount, char *error, std::size_t errorSize)
{
    return guarded(error, errorSize, [&] {
        std::unordered_map<std::string, std::string> options;
        for (std::size_t i = 0; i < optionCount; ++i)
            options[keys[i]] = values[i];
        SentenceList list(sentences, sentenceCount);
        const auto status
            = sentencepiece::SentencePieceTrainer::Train(options, sentences ? &list : nullptr, nullptr);
        if (!status.ok())
            return fail(error, errorSize, status.ToString());
        return 0;
    });
}

const Mplug2SpmApi kApi = {
    MPLUG2_SPM_API_VERSION,
    &load,
    &loadFromMemory,
    &release,
    &pieceCount,
    &pieceToId,
    &idToPiece,
    &specialId,
    &isSpecial,
    &encode,
    &decode,
    &freeBuffer,
    &train,
};

} // namespace

extern "C" __attribute__((visibility("default"))) const Mplug2SpmApi *mplug2_sentencepiece_api(int version)
{
    return version == MPLUG2_SPM_API_VERSION ? &kApi : nullptr;
}
