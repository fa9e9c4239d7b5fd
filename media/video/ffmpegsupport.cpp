#include "media/video/ffmpegsupport.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace mplug2::media::ffmpeg {

void IoContextFreer::operator()(AVIOContext *io) const
{
    if (!io)
        return;
    av_freep(&io->buffer);
    avio_context_free(&io);
}

std::string errorText(int averror)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, text, sizeof text);
    return text;
}

void quietFfmpegLog()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const char *wanted = std::getenv("MPLUG2_FFMPEG_LOG");
        av_log_set_level(wanted && std::strcmp(wanted, "1") == 0 ? AV_LOG_INFO : AV_LOG_QUIET);
    });
}

} // namespace mplug2::media::ffmpeg
