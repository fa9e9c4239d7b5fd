#include "model/text/gzipfile.h"

#include <memory>
#include <zlib.h>

namespace mplug2::model::text {

Expected<std::string> readGzipFile(const std::filesystem::path &file, std::size_t maxBytes)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return makeError(ErrorCode::NotFound, "no such file: " + file.string());
    const std::unique_ptr<gzFile_s, int (*)(gzFile)> gz(gzopen(file.c_str(), "rb"), &gzclose);
    if (!gz)
        return makeError(ErrorCode::Io, "cannot open " + file.string());
    std::string out;
    char buffer[1 << 16];
    while (true) {
        const int n = gzread(gz.get(), buffer, sizeof buffer);
        if (n < 0) {
            int code = 0;
            const char *message = gzerror(gz.get(), &code);
            return makeError(ErrorCode::Format,
                "cannot decompress " + file.string() + ": " + (message ? message : "zlib error"));
        }
        if (n == 0)
            break;
        if (out.size() + static_cast<std::size_t>(n) > maxBytes)
            return makeError(ErrorCode::LimitExceeded,
                file.string() + " inflates to more than " + std::to_string(maxBytes) + " bytes; refused");
        out.append(buffer, static_cast<std::size_t>(n));
    }
    // A truncated stream ends with n == 0 and the error only in gzerror().
    int code = Z_OK;
    const char *message = gzerror(gz.get(), &code);
    if (code != Z_OK && code != Z_STREAM_END)
        return makeError(ErrorCode::Format,
            "cannot decompress " + file.string() + ": " + (message ? message : "zlib error")
                + " (truncated file?)");
    return out;
}

} // namespace mplug2::model::text
