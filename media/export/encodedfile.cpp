#include "media/export/encodedfile.h"

#include <cstdio>

namespace mplug2::media::ffmpeg {

// The output context comes from avformat_alloc_output_context2 and its pb
// from avio_open: close both (avformat_close_input is for inputs).
void OutputCloser::operator()(AVFormatContext *ctx) const
{
    if (!ctx)
        return;
    if (ctx->pb)
        avio_closep(&ctx->pb);
    avformat_free_context(ctx);
}

EncodedFile::EncodedFile(std::string path)
    : m_path(std::move(path))
    , m_partPath(m_path + ".part")
{ }

EncodedFile::~EncodedFile()
{
    if (!m_finished)
        abandon();
}

void EncodedFile::abandon()
{
    m_codec.reset();
    m_ctx.reset();
    std::remove(m_partPath.c_str());
}

Error EncodedFile::error(const std::string &what, int averror) const
{
    return makeError(
        ErrorCode::Io, "file " + m_path + ": " + what + (averror < 0 ? " (" + errorText(averror) + ")" : ""));
}

Expected<std::unique_ptr<EncodedFile>> EncodedFile::create(const std::string &path, Settings settings)
{
    quietFfmpegLog();
    std::unique_ptr<EncodedFile> file(new EncodedFile(path));
    struct DictFree {
        AVDictionary **dict;
        ~DictFree() { av_dict_free(dict); }
    } freeCodecOptions {&settings.codecOptions}, freeMuxerOptions {&settings.muxerOptions};

    AVFormatContext *ctx = nullptr;
    int rc = avformat_alloc_output_context2(&ctx, nullptr, settings.muxer.c_str(), file->m_partPath.c_str());
    if (rc < 0 || !ctx)
        return file->error("cannot set up the " + settings.muxer + " writer", rc);
    file->m_ctx.reset(ctx);
    file->m_codec.reset(avcodec_alloc_context3(settings.codec));
    if (!file->m_codec || !file->m_packet)
        return makeError(ErrorCode::OutOfMemory, "cannot allocate an encoder");
    AVCodecContext *cc = file->m_codec.get();
    cc->width = settings.width;
    cc->height = settings.height;
    cc->pix_fmt = settings.pixelFormat;
    cc->time_base = settings.timeBase;
    cc->framerate = settings.frameRate;
    cc->sample_aspect_ratio = AVRational {1, 1};
    cc->colorspace = settings.colorspace;
    cc->color_range = settings.colorRange;
    if (ctx->oformat->flags & AVFMT_GLOBALHEADER)
        cc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((rc = avcodec_open2(cc, settings.codec, &settings.codecOptions)) < 0)
        return file->error(std::string("cannot start the ") + settings.codec->name + " encoder", rc);
    file->m_stream = avformat_new_stream(ctx, nullptr);
    if (!file->m_stream)
        return makeError(ErrorCode::OutOfMemory, "cannot add a stream");
    file->m_stream->time_base = cc->time_base;
    file->m_stream->avg_frame_rate = settings.frameRate;
    if ((rc = avcodec_parameters_from_context(file->m_stream->codecpar, cc)) < 0)
        return file->error("cannot describe the stream", rc);
    if ((rc = avio_open(&ctx->pb, file->m_partPath.c_str(), AVIO_FLAG_WRITE)) < 0)
        return file->error("cannot create the file", rc);
    if ((rc = avformat_write_header(ctx, &settings.muxerOptions)) < 0)
        return file->error("cannot write the header", rc);
    return file;
}

Expected<void> EncodedFile::drain(bool flushing)
{
    for (;;) {
        const int rc = avcodec_receive_packet(m_codec.get(), m_packet.get());
        if (rc == AVERROR(EAGAIN) || (flushing && rc == AVERROR_EOF))
            return {};
        if (rc < 0)
            return error("encoding failed", rc);
        av_packet_rescale_ts(m_packet.get(), m_codec->time_base, m_stream->time_base);
        m_packet->stream_index = m_stream->index;
        const int written = av_interleaved_write_frame(m_ctx.get(), m_packet.get());
        av_packet_unref(m_packet.get());
        if (written < 0)
            return error("write failed (disk full?)", written);
    }
}

Expected<void> EncodedFile::write(const AVFrame &frame)
{
    if (m_finished)
        return makeError(ErrorCode::InvalidArgument, "file " + m_path + ": already finished");
    if (const int rc = avcodec_send_frame(m_codec.get(), &frame); rc < 0)
        return error("encoding failed", rc);
    return drain(false);
}

Expected<void> EncodedFile::finish()
{
    if (m_finished)
        return {};
    if (const int rc = avcodec_send_frame(m_codec.get(), nullptr); rc < 0 && rc != AVERROR_EOF)
        return error("encoding failed", rc);
    if (auto ok = drain(true); !ok)
        return ok;
    if (const int rc = av_write_trailer(m_ctx.get()); rc < 0)
        return error("cannot finish the file", rc);
    m_codec.reset();
    AVFormatContext *ctx = m_ctx.release();
    const int closed = avio_closep(&ctx->pb);
    avformat_free_context(ctx);
    if (closed < 0) {
        std::remove(m_partPath.c_str());
        m_finished = true;
        return error("cannot close the file", closed);
    }
    if (std::rename(m_partPath.c_str(), m_path.c_str()) != 0) {
        std::remove(m_partPath.c_str());
        m_finished = true;
        return makeError(ErrorCode::Io, "file " + m_path + ": cannot rename into place");
    }
    m_finished = true;
    return {};
}

} // namespace mplug2::media::ffmpeg
