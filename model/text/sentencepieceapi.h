#ifndef MPLUG2_MODEL_TEXT_SENTENCEPIECEAPI_H
#define MPLUG2_MODEL_TEXT_SENTENCEPIECEAPI_H
/* The C interface of libmplug2_sentencepiece.so, our small plug-in around
 * libsentencepiece. Debian's libsentencepiece carries its own protobuf-lite
 * and exports its symbols; linked into a process that also loads LibTorch
 * (libprotobuf) it crashes before main. So SentencePiece is only ever
 * reached through this table, from a library opened with
 * dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) (sentencepieceplugin.h).
 *
 *     const Mplug2SpmApi *api = mplug2_sentencepiece_api(MPLUG2_SPM_API_VERSION);
 *     Mplug2SpmModel *m = NULL;
 *     char err[256];
 *     if (api->load("m.model", &m, err, sizeof err) != 0) puts(err);
 *
 * Every function returning int returns 0 on success; on failure it writes a
 * NUL-terminated message into `error` (cut to `errorSize`). Buffers the
 * plug-in allocates are released with freeBuffer(). A loaded model may be
 * used from several threads at once. Nothing here throws. */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MPLUG2_SPM_API_VERSION 1

typedef struct Mplug2SpmModel Mplug2SpmModel;

enum Mplug2SpmSpecial { MPLUG2_SPM_UNKNOWN = 0, MPLUG2_SPM_BOS = 1, MPLUG2_SPM_EOS = 2, MPLUG2_SPM_PAD = 3 };

typedef struct Mplug2SpmApi {
    int version;
    int (*load)(const char *path, Mplug2SpmModel **model, char *error, size_t errorSize);
    int (*loadFromMemory)(
        const char *data, size_t size, Mplug2SpmModel **model, char *error, size_t errorSize);
    void (*release)(Mplug2SpmModel *model);
    int (*pieceCount)(const Mplug2SpmModel *model);
    /* The id of `piece`, or the unknown id when the model has no such piece. */
    int (*pieceToId)(const Mplug2SpmModel *model, const char *piece, size_t size);
    /* The piece of `id` (owned by the model), or NULL outside the vocabulary. */
    const char *(*idToPiece)(const Mplug2SpmModel *model, int id, size_t *size);
    /* Id of an Mplug2SpmSpecial, -1 when the model has none. */
    int (*specialId)(const Mplug2SpmModel *model, int which);
    /* 1 for control, unknown and unused pieces. */
    int (*isSpecial)(const Mplug2SpmModel *model, int id);
    int (*encode)(const Mplug2SpmModel *model, const char *text, size_t size, int **ids, size_t *count,
        char *error, size_t errorSize);
    int (*decode)(const Mplug2SpmModel *model, const int *ids, size_t count, char **text, size_t *size,
        char *error, size_t errorSize);
    void (*freeBuffer)(void *buffer);
    /* Trains a model: `keys`/`values` are spm_train options without "--"
     * (model_prefix, vocab_size, model_type, ...). With `sentences`, they are
     * the training text and no `input` option is needed. */
    int (*train)(const char *const *keys, const char *const *values, size_t optionCount,
        const char *const *sentences, size_t sentenceCount, char *error, size_t errorSize);
} Mplug2SpmApi;

/* The only exported symbol: the table, or NULL when `version` is not the
 * one this plug-in implements. */
const Mplug2SpmApi *mplug2_sentencepiece_api(int version);

#ifdef __cplusplus
}
#endif

#endif
