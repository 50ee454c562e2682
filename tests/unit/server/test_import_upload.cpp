// Upload checks of POST /api/imports, without a server: forms, raw bodies, and what is refused.
#include <catch2/catch.hpp>

#include "import_upload.hpp"

#include <riskatlas/error.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace riskatlas;
using namespace riskatlas::server;

namespace {

const std::string boundary = "xYz-42";

std::string part(const std::string& name, const std::string& value,
                 const std::string& filename = "") {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" +
           (filename.empty() ? "" : "; filename=\"" + filename + "\"") + "\r\n\r\n" + value +
           "\r\n";
}

http_request form_request(const std::string& parts, std::map<std::string, std::string> query = {}) {
    http_request r;
    r.method = "POST";
    r.headers["Content-Type"] = "multipart/form-data; boundary=" + boundary;
    r.body = parts + "--" + boundary + "--\r\n";
    r.query = std::move(query);
    return r;
}

http_request raw_request(std::string body, std::map<std::string, std::string> query) {
    http_request r;
    r.method = "POST";
    r.headers["Content-Type"] = "application/octet-stream";
    r.body = std::move(body);
    r.query = std::move(query);
    return r;
}

// The code of the invalid_argument parsing `r` throws ("" when it is accepted).
std::string refusal(const http_request& r) {
    try {
        parse_import_request(r);
    } catch (const invalid_argument& e) {
        INFO(e.what());
        CHECK(std::string(e.what()).size() > 10);
        return e.code();
    }
    return "";
}

} // namespace

TEST_CASE("a form with a file and options becomes import options", "[unit][server]") {
    const auto r = form_request(part("kind", "enterprises") + part("dry_run", "true") +
                                part("gcj02", "false") + part("crs", "EPSG:4549") +
                                part("mapping", R"({"fields": {"name": "单位名称"}})") +
                                part("file", std::string("a,b\r\n1,\0", 8), "名录.CSV"));
    const auto up = parse_import_request(r);
    CHECK(up.filename == "名录.CSV");
    CHECK(up.extension == ".csv");
    CHECK(up.content == std::string_view("a,b\r\n1,\0", 8));
    CHECK(up.options.kind == ingest::entity_kind::enterprises);
    CHECK(up.options.dry_run);
    CHECK_FALSE(up.options.gcj02);
    CHECK_FALSE(up.options.accept_partial);
    CHECK(up.options.crs == "EPSG:4549");
    REQUIRE(up.options.mapping);
    CHECK((*up.options.mapping)["fields"]["name"] == "单位名称");
}

TEST_CASE("options may come from the query string of a form upload", "[unit][server]") {
    const auto up = parse_import_request(form_request(
        part("file", "{}", "parks.geojson"), {{"kind", "parks"}, {"accept_partial", "true"}}));
    CHECK(up.options.kind == ingest::entity_kind::parks);
    CHECK(up.options.accept_partial);
    CHECK(refusal(form_request(part("file", "{}", "p.geojson") + part("kind", "parks"),
                               {{"kind", "parks"}})) == "duplicate_parameter");
}

TEST_CASE("a raw body with kind and filename in the query is an upload", "[unit][server]") {
    const auto up = parse_import_request(raw_request("GPKG\0bytes", {{"kind", "hazards"},
                                                                     {"filename", "dir/segs.gpkg"},
                                                                     {"layer", "segments"},
                                                                     {"encoding", "GBK"}}));
    CHECK(up.filename == "segs.gpkg");
    CHECK(up.extension == ".gpkg");
    CHECK(up.options.kind == ingest::entity_kind::hazards);
    CHECK(up.options.layer == "segments");
    CHECK(up.options.encoding == "GBK");
    CHECK(refusal(raw_request("x", {{"kind", "parks"}})) == "missing_filename");
    CHECK(refusal(raw_request("", {{"kind", "parks"}, {"filename", "a.gpkg"}})) == "empty_file");
    CHECK(refusal(raw_request("x", {{"filename", "a.gpkg"}})) == "missing_kind");
}

TEST_CASE("bad uploads are refused with a code naming the problem", "[unit][server]") {
    const auto file = part("file", "lon,lat\n1,2\n", "a.csv");
    CHECK(refusal(form_request(file + part("kind", "spaceships"))) == "unknown_kind");
    CHECK(refusal(form_request(file)) == "missing_kind");
    CHECK(refusal(form_request(part("kind", "enterprises"))) == "missing_file");
    CHECK(refusal(form_request(part("kind", "enterprises") + part("file", "", "a.csv"))) ==
          "empty_file");
    CHECK(refusal(form_request(part("kind", "enterprises") + part("file", "x", "roads.shp"))) ==
          "unsupported_format");
    CHECK(refusal(form_request(part("kind", "enterprises") + part("file", "x", "report.docx"))) ==
          "unsupported_format");
    CHECK(refusal(form_request(part("kind", "enterprises") + part("file", "x", "noextension"))) ==
          "unsupported_format");
    CHECK(refusal(form_request(part("kind", "enterprises") + part("file", "x"))) ==
          "missing_filename");
    CHECK(refusal(form_request(file + part("kind", "enterprises") + part("colour", "red"))) ==
          "unknown_parameter");
    CHECK(refusal(form_request(file, {{"kind", "enterprises"}, {"colour", "red"}})) ==
          "unknown_parameter");
    CHECK(refusal(form_request(file + part("kind", "enterprises") + part("dry_run", "yes"))) ==
          "invalid_parameter");
    CHECK(refusal(form_request(file + part("kind", "enterprises") +
                               part("mapping", "{\"fields\": "))) == "invalid_mapping");
    CHECK(refusal(form_request(file + part("kind", "enterprises") + part("mapping", "[1]"))) ==
          "invalid_mapping");
    CHECK(refusal(form_request(file + part("kind", "enterprises") +
                               part("mapping", R"({"fields": {"name": 3}})"))) ==
          "invalid_mapping");
    CHECK(refusal(form_request(file + part("kind", "enterprises") +
                               part("mapping", R"({"colums": {}})"))) == "invalid_mapping");
    CHECK(refusal(form_request(file + part("kind", "enterprises") + part("encoding", "GBK; rm"))) ==
          "invalid_parameter");
    CHECK(refusal(form_request(file + file + part("kind", "enterprises"))) ==
          "duplicate_parameter");
    CHECK(refusal(form_request(file + part("kind", "enterprises") + part("kind", "parks"))) ==
          "duplicate_parameter");
    CHECK(refusal(form_request(file + part("kind", "enterprises") + part("crs", "x", "crs.prj"))) ==
          "invalid_parameter");
}

TEST_CASE("the mapping error quotes where the JSON broke", "[unit][server]") {
    try {
        parse_import_request(form_request(part("file", "x", "a.csv") + part("kind", "enterprises") +
                                          part("mapping", "{\"fields\": {\"name\" \"企业\"}}")));
        FAIL("accepted a broken mapping");
    } catch (const invalid_argument& e) {
        CHECK(e.code() == "invalid_mapping");
        CHECK_THAT(e.what(),
                   Catch::Contains("mapping is not valid JSON") && Catch::Contains("column"));
    }
}

TEST_CASE("other content types are a media type error, malformed forms a 400", "[unit][server]") {
    auto r = raw_request("x", {{"kind", "parks"}, {"filename", "a.gpkg"}});
    r.headers["Content-Type"] = "application/x-www-form-urlencoded";
    CHECK_THROWS_AS(parse_import_request(r), unsupported_media_type);
    r.headers.erase("Content-Type");
    CHECK_THROWS_AS(parse_import_request(r), unsupported_media_type);
    auto broken = form_request(part("kind", "parks"));
    broken.body.resize(broken.body.size() - 10); // cut short: no closing boundary
    CHECK(refusal(broken) == "malformed_multipart");
    auto no_boundary = form_request(part("kind", "parks"));
    no_boundary.headers["Content-Type"] = "multipart/form-data";
    CHECK(refusal(no_boundary) == "invalid_content_type");
}

TEST_CASE("an upload waits in a private directory that goes with its owner", "[unit][server]") {
    // the upload's content is a view into the request body: the request must outlive it
    const auto request =
        raw_request(std::string("bin\0ary", 7), {{"kind", "parks"}, {"filename", "p.fgb"}});
    const auto up = parse_import_request(request);
    std::filesystem::path dir;
    {
        const auto saved = upload_dir::save(up);
        dir = saved->file().parent_path();
        CHECK(saved->file().filename() == "upload.fgb");
        CHECK(dir.filename().string().starts_with("riskatlas-upload-"));
        const auto perms = std::filesystem::status(dir).permissions();
        CHECK((perms & std::filesystem::perms::others_all) == std::filesystem::perms::none);
        CHECK((perms & std::filesystem::perms::group_all) == std::filesystem::perms::none);
        std::ifstream in(saved->file(), std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        CHECK(content.str() == std::string("bin\0ary", 7));
        const auto other = upload_dir::save(up);
        CHECK(other->file() != saved->file());
    }
    CHECK_FALSE(std::filesystem::exists(dir));
}

TEST_CASE("stale upload directories are those no process holds, and only ours", "[unit][server]") {
    namespace fs = std::filesystem;
    const auto parent =
        fs::temp_directory_path() / ("riskatlas-stale-test-" + std::to_string(::getpid()));
    fs::remove_all(parent);
    fs::create_directories(parent);
    const auto aged = [](const fs::path& p, std::chrono::minutes age) {
        fs::last_write_time(p, fs::file_time_type::clock::now() - age);
    };
    const auto made = [&](const std::string& name, std::chrono::minutes age) {
        fs::create_directory(parent / name);
        std::ofstream(parent / name / "upload.csv") << "x";
        aged(parent / name, age);
        return parent / name;
    };
    const std::chrono::minutes hour(60), day(24 * 60);
    const auto left_over = made("riskatlas-upload-a1B2c3", hour);
    const auto just_made = made("riskatlas-upload-d4E5f6", std::chrono::minutes(0));
    const auto older_build = made("riskatlas-import-g7H8i9", 2 * day);
    const auto older_build_busy = made("riskatlas-import-p6Q7r8", hour); // an old server's, maybe
    const auto not_ours = made("riskatlas-uploader-xyz", day);
    const auto odd_suffix = made("riskatlas-upload-toolongsuffix", day);
    std::ofstream(parent / "riskatlas-upload-m3N4o5") << "a file, not a directory";
    aged(parent / "riskatlas-upload-m3N4o5", day);

    // held: a live upload's lock, taken by a child process as another server would hold it
    const auto held = made("riskatlas-upload-j0K1l2", hour);
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t holder = ::fork();
    REQUIRE(holder >= 0);
    if (holder == 0) {
        const int fd = ::open(held.c_str(), O_RDONLY | O_DIRECTORY);
        const char ok = fd >= 0 && ::flock(fd, LOCK_EX) == 0 ? '1' : '0';
        (void)!::write(ready[1], &ok, 1);
        ::pause(); // keeps the lock until killed
        ::_exit(0);
    }
    char ok = '0';
    REQUIRE(::read(ready[0], &ok, 1) == 1);
    REQUIRE(ok == '1');
    aged(held, hour);

    const auto removed = remove_stale_upload_dirs(parent);
    ::kill(holder, SIGKILL);
    ::waitpid(holder, nullptr, 0);
    ::close(ready[0]);
    ::close(ready[1]);
    CHECK(removed == 2);
    CHECK_FALSE(fs::exists(left_over));
    CHECK_FALSE(fs::exists(older_build));
    CHECK(fs::exists(held / "upload.csv"));
    CHECK(fs::exists(just_made / "upload.csv"));
    CHECK(fs::exists(older_build_busy / "upload.csv"));
    CHECK(fs::exists(not_ours));
    CHECK(fs::exists(odd_suffix));
    CHECK(fs::exists(parent / "riskatlas-upload-m3N4o5"));
    // the holder is gone, its lock with it: the directory is now left over
    CHECK(remove_stale_upload_dirs(parent) == 1);
    CHECK_FALSE(fs::exists(held));
    CHECK(remove_stale_upload_dirs(parent / "missing") == 0);
    fs::remove_all(parent);
}

TEST_CASE("a saved upload is locked until its owner lets go", "[unit][server]") {
    const auto request =
        raw_request(std::string("abc"), {{"kind", "parks"}, {"filename", "p.csv"}});
    const auto up = parse_import_request(request);
    const auto saved = upload_dir::save(up);
    const auto dir = saved->file().parent_path();
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(fd >= 0);
    CHECK(::flock(fd, LOCK_EX | LOCK_NB) != 0); // held by `saved` (another open file description)
    ::close(fd);
}
