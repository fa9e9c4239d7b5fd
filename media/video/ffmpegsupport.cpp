#include "media/video/ffmpegsupport.h"

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

} // namespace mplug2::media::ffmpeg
