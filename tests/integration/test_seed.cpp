// `riskatlas seed` over the demo: the archive is MBTiles GDAL can read, its tiles are the bytes
// the live tile route serves, bad arguments are refused clearly, and `serve --tile-archive`
// serves it under /archive.
#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "test_db.hpp"

#include <riskatlas/tiles/compression.hpp>
#include <riskatlas/tiles/mbtiles.hpp>

#include <gdal.h>
#include <ogr_api.h>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

extern char** environ;

using namespace riskatlas;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> seeded_layers{"regions", "enterprises", "township_risk"};

struct command_result {
    int exit_code = -1;
    std::string output; // stdout and stderr
};

command_result run(const std::string& args) {
    const auto dsn = test::test_dsn();
    const std::string command = std::string(RISKATLAS_BINARY) + " " + args +
                                (dsn.empty() ? "" : " --db '" + dsn + "'") + " 2>&1";
    command_result r;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    char buf[4096];
    while (const auto n = fread(buf, 1, sizeof buf, pipe.get()))
        r.output.append(buf, n);
    const int status = pclose(pipe.release());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// Archives of this test program, removed when it exits.
struct scratch_dir {
    fs::path path = fs::temp_directory_path() / ("riskatlas-seed-" + std::to_string(::getpid()));
    scratch_dir() { fs::create_directories(path); }
    ~scratch_dir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
};

const fs::path& work_dir() {
    static const scratch_dir dir;
    return dir.path;
}

// Seeded once per test program run (each CTest test is its own process).
const fs::path& demo_archive() {
    static const auto path = [] {
        const auto out = work_dir() / "demo.mbtiles";
        const auto started = std::chrono::steady_clock::now();
        const auto r =
            run("seed --layers regions,enterprises,township_risk --zooms 0-10 --threads 2 "
                "--force --out " +
                out.string());
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        REQUIRE(fs::exists(out));
        REQUIRE_FALSE(fs::exists(out.string() + ".part"));
        WARN("seeded in "
             << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
             << " s: " << r.output.substr(r.output.rfind("seed:")));
        return out;
    }();
    return path;
}

struct gdal_closer {
    void operator()(void* ds) const noexcept { GDALClose(ds); }
};

std::uint16_t free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

// `riskatlas serve --tile-archive` on a free port, stopped with SIGTERM at scope exit.
class archive_server {
  public:
    explicit archive_server(const fs::path& archive) {
        const auto port = std::to_string(free_port());
        m_url = "http://127.0.0.1:" + port;
        std::vector<std::string> args{RISKATLAS_BINARY,
                                      "serve",
                                      "--host",
                                      "127.0.0.1",
                                      "--port",
                                      port,
                                      "--threads",
                                      "2",
                                      "--recompute-interval",
                                      "0",
                                      "--tile-archive",
                                      archive.string(),
                                      "--log-level",
                                      "warn"};
        if (!test::test_dsn().empty())
            args.insert(args.end(), {"--db", test::test_dsn()});
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        REQUIRE(posix_spawn(&m_pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
        for (int i = 0; i < 100; ++i) {
            try {
                if (test::http_get(m_url + "/healthz").status == 200)
                    return;
            } catch (const std::exception&) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        FAIL("the archive server did not become healthy");
    }
    ~archive_server() {
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
    archive_server(const archive_server&) = delete;
    archive_server& operator=(const archive_server&) = delete;
    const std::string& url() const { return m_url; }

  private:
    pid_t m_pid = 0;
    std::string m_url;
};

std::string tile_path(const geo::tile_id& t) {
    return std::to_string(t.z) + "/" + std::to_string(t.x) + "/" + std::to_string(t.y) + ".mvt";
}

} // namespace

TEST_CASE("riskatlas seed writes an MBTiles archive that GDAL reads", "[pg][seed]") {
    const auto& path = demo_archive();
    const tiles::mbtiles_reader archive(path.string());
    CHECK(archive.tile_count() > 0);
    CHECK(archive.metadata().at("format") == "pbf");
    CHECK(archive.metadata().at("minzoom") == "0");
    CHECK(archive.metadata().at("maxzoom") == "10");
    const auto json = nlohmann::json::parse(archive.metadata().at("json"));
    REQUIRE(json["vector_layers"].size() == seeded_layers.size());
    CHECK(json["vector_layers"][0]["id"] == "regions");
    CHECK(json["vector_layers"][0]["fields"].contains("name"));

    GDALAllRegister();
    const char* drivers[] = {"MBTiles", nullptr};
    std::unique_ptr<void, gdal_closer> ds(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    REQUIRE(ds);
    REQUIRE(GDALDatasetGetLayerCount(ds.get()) == static_cast<int>(seeded_layers.size()));
    for (const auto& id : seeded_layers) {
        auto* layer = GDALDatasetGetLayerByName(ds.get(), id.c_str());
        REQUIRE(layer);
        INFO(id);
        CHECK(OGR_L_GetFeatureCount(layer, TRUE) > 0);
    }
    // What gdalinfo/ogrinfo show: GDAL reads the bounds and zoom range from our metadata.
    const char* max_zoom = GDALGetMetadataItem(ds.get(), "ZOOM_LEVEL", nullptr);
    REQUIRE(max_zoom);
    CHECK(std::string(max_zoom) == "10");
    const char* name = GDALGetMetadataItem(ds.get(), "NAME", nullptr);
    REQUIRE(name);
    CHECK(std::string(name).find("regions") != std::string::npos);
}

TEST_CASE("seeded tiles are the live tiles, served under /archive", "[pg][seed][http]") {
    const auto& path = demo_archive();
    const tiles::mbtiles_reader archive(path.string());
    const archive_server server(path);
    const auto& url = server.url();

    SECTION("a seeded tile equals the live layers' tiles appended") {
        // The demo's centre at a zoom with every layer, one with two, one with regions only.
        for (const int z : {10, 6, 3}) {
            const auto t = geo::tile_containing(116.75, 35.57, z);
            INFO(tile_path(t));
            const auto stored = archive.tile(t);
            REQUIRE(stored);
            std::string live;
            for (const auto& id : seeded_layers) {
                const auto r = test::http_get(url + "/tiles/" + id + "/" + tile_path(t));
                REQUIRE((r.status == 200 || r.status == 204));
                live += r.body;
            }
            CHECK(tiles::gunzip(*stored) == live);
        }
    }
    SECTION("tiles come from the file, gzip when accepted, with an ETag") {
        const auto t = geo::tile_containing(116.75, 35.57, 10);
        const auto zipped =
            test::http_get(url + "/archive/tiles/" + tile_path(t), {{"Accept-Encoding", "gzip"}});
        REQUIRE(zipped.status == 200);
        CHECK(zipped.header("content-encoding") == "gzip");
        CHECK(zipped.body == *archive.tile(t));
        CHECK(zipped.header("cache-control").find("immutable") != std::string::npos);
        const auto plain = test::http_get(url + "/archive/tiles/" + tile_path(t));
        CHECK(plain.header("content-encoding").empty());
        CHECK(plain.body == tiles::gunzip(*archive.tile(t)));
        const auto etag = zipped.header("etag");
        CHECK(etag.find(archive.digest()) != std::string::npos);
        CHECK(test::http_get(url + "/archive/tiles/" + tile_path(t), {{"If-None-Match", etag}})
                  .status == 304);
    }
    SECTION("an absent tile is 204, an impossible one 400 with a JSON error") {
        CHECK(test::http_get(url + "/archive/tiles/10/0/0.mvt").status == 204);
        CHECK(test::http_get(url + "/archive/tiles/11/844/403.mvt").status ==
              204); // beyond maxzoom
        const std::pair<const char*, const char*> bad[] = {
            {"/archive/tiles/3/8/0.mvt", "invalid_tile"},
            {"/archive/tiles/x/0/0.mvt", "invalid_tile"},
            {"/archive/tiles/25/0/0.mvt", "invalid_tile"},
            {"/archive/tiles/1/0/0.png", "unsupported_format"}};
        for (const auto& [where, code] : bad) {
            INFO(where);
            const auto r = test::http_get(url + where);
            CHECK(r.status == 400);
            CHECK(r.json()["error"] == code);
        }
    }
    SECTION("TileJSON describes the archive") {
        const auto r = test::http_get(url + "/archive/tiles.json");
        REQUIRE(r.status == 200);
        const auto doc = r.json();
        CHECK(doc["tilejson"] == "3.0.0");
        CHECK(doc["minzoom"] == 0);
        CHECK(doc["maxzoom"] == 10);
        CHECK(doc["bounds"].size() == 4);
        CHECK(doc["vector_layers"].size() == seeded_layers.size());
        CHECK(doc["tiles"][0].get<std::string>().starts_with(url +
                                                             "/archive/tiles/{z}/{x}/{y}.mvt?v="));
    }
}

TEST_CASE("riskatlas seed refuses bad arguments with a clear message", "[pg][seed]") {
    const auto out = (work_dir() / "refused.mbtiles").string();
    fs::remove(out);
    SECTION("a reversed zoom range") {
        const auto r = run("seed --zooms 5-2 --out " + out);
        INFO(r.output);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("invalid_zooms") != std::string::npos);
        CHECK(r.output.find("write 2-5") != std::string::npos);
    }
    SECTION("an unknown layer") {
        const auto r = run("seed --layers regions,no_such_layer --out " + out);
        INFO(r.output);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("no_such_layer") != std::string::npos);
    }
    SECTION("another extension") {
        const auto r =
            run("seed --layers regions --out " + (work_dir() / "tiles.pmtiles").string());
        INFO(r.output);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("FILE.mbtiles") != std::string::npos);
    }
    SECTION("an existing archive without --force") {
        std::FILE* f = std::fopen(out.c_str(), "w");
        REQUIRE(f);
        std::fclose(f);
        const auto r = run("seed --layers regions --zooms 0-2 --out " + out);
        INFO(r.output);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("--force") != std::string::npos);
        CHECK(fs::file_size(out) == 0); // untouched
        const auto forced = run("seed --layers regions --zooms 0-2 --force --out " + out);
        INFO(forced.output);
        CHECK(forced.exit_code == 0);
        CHECK(tiles::mbtiles_reader(out).tile_count() > 0);
    }
    fs::remove(out);
}
