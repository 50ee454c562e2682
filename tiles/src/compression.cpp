// zlib deflate/inflate with gzip framing (windowBits 15 + 16).
#include <riskatlas/tiles/compression.hpp>

#include <riskatlas/error.hpp>

#include <zlib.h>

#include <array>

namespace riskatlas::tiles {
namespace {
constexpr int gzip_window_bits = 15 + 16;

struct deflate_stream {
    z_stream z{};
    explicit deflate_stream(int level) {
        if (deflateInit2(&z, level, Z_DEFLATED, gzip_window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw error("compression_failed", "deflateInit2 failed");
    }
    ~deflate_stream() { deflateEnd(&z); }
    deflate_stream(const deflate_stream&) = delete;
    deflate_stream& operator=(const deflate_stream&) = delete;
};

struct inflate_stream {
    z_stream z{};
    inflate_stream() {
        if (inflateInit2(&z, gzip_window_bits) != Z_OK)
            throw error("compression_failed", "inflateInit2 failed");
    }
    ~inflate_stream() { inflateEnd(&z); }
    inflate_stream(const inflate_stream&) = delete;
    inflate_stream& operator=(const inflate_stream&) = delete;
};

// zlib's API is not const-correct for its input buffer.
Bytef* input_of(std::string_view bytes) {
    return reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
}
} // namespace

std::string gzip(std::string_view bytes, int level) {
    deflate_stream s(level);
    std::string out(deflateBound(&s.z, static_cast<uLong>(bytes.size())), '\0');
    s.z.next_in = input_of(bytes);
    s.z.avail_in = static_cast<uInt>(bytes.size());
    s.z.next_out = reinterpret_cast<Bytef*>(out.data());
    s.z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&s.z, Z_FINISH) != Z_STREAM_END)
        throw error("compression_failed", "deflate did not finish");
    out.resize(s.z.total_out);
    return out;
}

struct gzip_stream::impl {
    deflate_stream stream;
    explicit impl(int level) : stream(level) {}

    std::string run(std::string_view bytes, int flush) {
        auto& z = stream.z;
        z.next_in = input_of(bytes);
        z.avail_in = static_cast<uInt>(bytes.size());
        std::string out;
        std::array<char, 16384> buffer{};
        int rc = Z_OK;
        // deflate with a flush mode must be called until it leaves output space unused
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer.data());
            z.avail_out = static_cast<uInt>(buffer.size());
            rc = deflate(&z, flush);
            if (rc == Z_STREAM_ERROR)
                throw error("compression_failed", "deflate failed");
            out.append(buffer.data(), buffer.size() - z.avail_out);
        } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
        return out;
    }
};

gzip_stream::gzip_stream(int level) : m_impl(std::make_unique<impl>(level)) {}
gzip_stream::~gzip_stream() = default;

std::string gzip_stream::write(std::string_view bytes) { return m_impl->run(bytes, Z_SYNC_FLUSH); }

std::string gzip_stream::finish() { return m_impl->run({}, Z_FINISH); }

std::string gunzip(std::string_view bytes) {
    inflate_stream s;
    s.z.next_in = input_of(bytes);
    s.z.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    std::array<char, 16384> buffer{};
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        s.z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        s.z.avail_out = static_cast<uInt>(buffer.size());
        rc = inflate(&s.z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            throw error("corrupt_gzip", "input is not valid gzip data");
        out.append(buffer.data(), buffer.size() - s.z.avail_out);
        if (rc == Z_OK && s.z.avail_in == 0 && s.z.avail_out != 0)
            throw error("corrupt_gzip", "gzip data ends early");
    }
    return out;
}

} // namespace riskatlas::tiles
