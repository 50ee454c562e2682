// Upload checks of POST /api/imports, without a server: forms, raw bodies, and what is refused.
#include <catch2/catch.hpp>

#include "import_upload.hpp"

#include <riskatlas/error.hpp>

#include <fstream>
#include <sstream>

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
        CHECK(dir.filename().string().starts_with("riskatlas-import-"));
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
