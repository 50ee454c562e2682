// The multipart/form-data parser: what browsers and curl send, binary bodies, hostile bodies.
#include <catch2/catch.hpp>

#include "multipart.hpp"

#include <riskatlas/error.hpp>

#include <string>

using namespace riskatlas::server;
using namespace std::string_literals;

namespace {

// What Chromium sends for <input type=file> plus a text field.
const std::string browser_body =
    "------WebKitFormBoundaryQ1x\r\n"
    "Content-Disposition: form-data; name=\"kind\"\r\n"
    "\r\n"
    "enterprises\r\n"
    "------WebKitFormBoundaryQ1x\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"企业.csv\"\r\n"
    "Content-Type: text/csv\r\n"
    "\r\n"
    "a,b\r\n1,2\r\n"
    "------WebKitFormBoundaryQ1x--\r\n";

std::string form(const std::string& boundary, const std::string& parts) {
    return parts + "--" + boundary + "--\r\n";
}

std::string field(const std::string& boundary, const std::string& name, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
           value + "\r\n";
}

std::string error_of(const std::string& body, const std::string& boundary = "b") {
    try {
        parse_multipart(body, boundary);
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == "malformed_multipart");
        return e.what();
    }
    return "(accepted)";
}

} // namespace

TEST_CASE("the boundary comes from Content-Type, quoted or not", "[unit][server]") {
    CHECK(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryQ1x") ==
          "----WebKitFormBoundaryQ1x");
    CHECK(multipart_boundary("Multipart/Form-Data;boundary=\"a b:c\"") == "a b:c");
    CHECK(multipart_boundary("multipart/form-data; charset=utf-8; boundary=xyz") == "xyz");
    CHECK(is_multipart_form("multipart/form-data; boundary=x"));
    CHECK_FALSE(is_multipart_form("application/octet-stream"));
    for (const auto* bad :
         {"application/json", "multipart/form-data",
          "multipart/form-data; boundary=", "multipart/mixed; boundary=x",
          "multipart/form-data; boundary=\"unterminated", "multipart/form-data; boundary=a\x01z"}) {
        INFO(bad);
        CHECK_THROWS_AS(multipart_boundary(bad), riskatlas::invalid_argument);
    }
    CHECK_THROWS_AS(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'x')),
                    riskatlas::invalid_argument);
}

TEST_CASE("a browser's form parses into named parts with the file name", "[unit][server]") {
    const auto parts = parse_multipart(browser_body, "----WebKitFormBoundaryQ1x");
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].name == "kind");
    CHECK(parts[0].data == "enterprises");
    CHECK_FALSE(parts[0].filename.has_value());
    CHECK(parts[1].name == "file");
    CHECK(parts[1].filename == "企业.csv");
    CHECK(parts[1].content_type == "text/csv");
    CHECK(parts[1].data == "a,b\r\n1,2"); // the CRLF before the delimiter belongs to it
}

TEST_CASE("part data is binary-safe: NUL bytes, CR LF and dashes survive", "[unit][server]") {
    // Only CRLF followed by "--b" ends a part; bytes that merely resemble it stay in the data.
    const std::string safe = "GP\x00\x10\xff\xfe\r\n-b--\r\n\r\n"s + std::string(1, '\0');
    const auto body =
        form("b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.gpkg\"\r\n"
                  "Content-Type: application/octet-stream\r\n\r\n" +
                      safe + "\r\n");
    const auto parts = parse_multipart(body, "b");
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].data.size() == safe.size());
    CHECK(std::string(parts[0].data) == safe);
}

TEST_CASE("preamble and epilogue are ignored, empty values and empty forms allowed",
          "[unit][server]") {
    const auto body = "this is a preamble\r\n" + field("b", "crs", "") +
                      field("b", "dry_run", "true") + "--b--\r\nepilogue";
    const auto parts = parse_multipart(body, "b");
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].data.empty());
    CHECK(parts[1].data == "true");
    CHECK(parse_multipart("--b--\r\n", "b").empty());
}

TEST_CASE("filenames lose their directory, and RFC 8187 names are decoded", "[unit][server]") {
    const auto body = form("b", "--b\r\nContent-Disposition: form-data; name=\"file\"; "
                                "filename=\"C:\\\\data\\\\roads.zip\"\r\n\r\nx\r\n"
                                "--b\r\nContent-Disposition: form-data; name=\"file2\"; "
                                "filename*=UTF-8''%E4%BC%81%E4%B8%9A.gpkg\r\n\r\ny\r\n"
                                "--b\r\ncontent-disposition: FORM-DATA; NAME=plain; "
                                "filename=../../etc/passwd\r\n\r\nz\r\n");
    const auto parts = parse_multipart(body, "b");
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].filename == "roads.zip");
    CHECK(parts[1].filename == "企业.gpkg");
    CHECK(parts[2].name == "plain");
    CHECK(parts[2].filename == "passwd");
}

TEST_CASE("malformed bodies are refused, naming the problem", "[unit][server]") {
    CHECK_THAT(error_of("hello"), Catch::Contains("does not start with the boundary"));
    CHECK_THAT(error_of("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"),
               Catch::Contains("closing boundary is missing"));
    CHECK_THAT(error_of(form("b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n")),
               Catch::Contains("no Content-Disposition"));
    CHECK_THAT(error_of(form("b", "--b\r\n\r\nx\r\n")), Catch::Contains("no Content-Disposition"));
    CHECK_THAT(
        error_of(form("b", "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n")),
        Catch::Contains("not form-data"));
    CHECK_THAT(
        error_of(form("b", "--b\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n")),
        Catch::Contains("has no name"));
    CHECK_THAT(error_of(form("b", "--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n")),
               Catch::Contains("unterminated quoted string"));
    CHECK_THAT(error_of(form("b", "--b\r\nno colon here\r\n\r\nx\r\n")),
               Catch::Contains("without a name and ':'"));
    CHECK_THAT(error_of(form("b", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                                  "Content-Transfer-Encoding: base64\r\n\r\neA==\r\n")),
               Catch::Contains("base64"));
    CHECK_THAT(error_of("--bX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--"),
               Catch::Contains("not followed by CRLF"));
    CHECK_THAT(error_of("--b\r\nContent-Disposition: form-data; name=\"a\"" +
                        std::string(9000, ' ') + "\r\n\r\nx\r\n--b--"),
               Catch::Contains("headers do not end"));
    std::string many;
    for (int i = 0; i < 65; ++i)
        many += field("b", "f" + std::to_string(i), "v");
    CHECK_THAT(error_of(form("b", many)), Catch::Contains("more than 64 parts"));
    CHECK_THAT(error_of(""), Catch::Contains("does not start with the boundary"));
}
