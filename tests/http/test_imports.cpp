// Imports over HTTP (issue 5): files written here (GeoJSON, CSV, a GeoPackage through GDAL) are
// uploaded as a browser or curl would, and the job's report and the database are checked. Every
// enterprise uses a credit code "91370812HT…" that the demo never generates, and is deleted again.
#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "test_db.hpp"

#include <riskatlas/geo/tile.hpp>
#include <riskatlas/risk/credit_code.hpp>

#include <cpl_string.h>
#include <curl/curl.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

using namespace riskatlas;
using nlohmann::json;
using test::http_get;
using test::http_result;

namespace {

// Ours alone: the demo's codes have "MA" where these have "HT".
std::string credit_code(int n) {
    char body[18];
    std::snprintf(body, sizeof body, "91370812HT%07d", n);
    return risk::complete_credit_code(body);
}

// The same body with a check character that is not the right one.
std::string wrong_check(const std::string& code) {
    return code.substr(0, 17) + (code[17] == '0' ? '1' : '0');
}

void delete_test_enterprises() {
    test::exec_sql("DELETE FROM enterprises WHERE credit_code LIKE '91370812HT%'");
}

struct form_field {
    std::string name;
    std::string value;
    std::string filename; ///< set for the file part
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* out) {
    std::string line(data, size * n);
    if (const auto colon = line.find(':'); colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        value.erase(value.find_last_not_of("\r\n ") + 1);
        (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
    }
    return size * n;
}

// POST through libcurl: its multipart encoder (not ours) for `fields`, else `raw` as the body.
http_result post(const std::string& path, const std::vector<form_field>& fields,
                 const std::string* raw = nullptr, const std::string& content_type = "") {
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    std::unique_ptr<curl_mime, void (*)(curl_mime*)> mime(nullptr, curl_mime_free);
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, curl_slist_free_all);
    http_result r;
    const auto url = test::server_url() + path;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    if (raw) {
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, raw->data());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(raw->size()));
        if (!content_type.empty())
            headers.reset(curl_slist_append(nullptr, ("Content-Type: " + content_type).c_str()));
        curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    } else {
        mime.reset(curl_mime_init(curl.get()));
        for (const auto& f : fields) {
            auto* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, f.name.c_str());
            curl_mime_data(part, f.value.data(), f.value.size());
            if (!f.filename.empty())
                curl_mime_filename(part, f.filename.c_str());
        }
        curl_easy_setopt(curl.get(), CURLOPT_MIMEPOST, mime.get());
    }
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &r.headers);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 30L);
    if (const auto rc = curl_easy_perform(curl.get()); rc != CURLE_OK)
        FAIL("POST " << url << ": " << curl_easy_strerror(rc));
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &r.status);
    return r;
}

http_result post_raw(const std::string& path, const std::string& body,
                     const std::string& content_type = "application/octet-stream") {
    return post(path, {}, &body, content_type);
}

// Polls the import until its job is over (imports queue behind recomputes on one worker).
json finished(const std::string& id) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    json j;
    do {
        const auto r = http_get("/api/imports/" + id);
        REQUIRE(r.status == 200);
        j = r.json();
        if (j["state"] == "succeeded" || j["state"] == "failed")
            return j;
        CHECK((j["progress"].is_null() || (j["progress"] >= 0 && j["progress"] <= 100)));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } while (std::chrono::steady_clock::now() < deadline);
    FAIL("import " << id << " still " << j["state"] << " after 90 s");
    return j;
}

// Uploads and waits; checks the 202 answer on the way.
json import_file(const std::vector<form_field>& fields) {
    const auto r = post("/api/imports", fields);
    INFO(r.body);
    REQUIRE(r.status == 202);
    const auto j = r.json();
    const auto id = j["id"].get<std::string>();
    CHECK(r.header("location") == "/api/imports/" + id);
    CHECK(j["links"][0]["rel"] == "self");
    CHECK(j["links"][0]["href"] == "/api/imports/" + id);
    CHECK((j["state"] == "queued" || j["state"] == "running"));
    return finished(id);
}

struct enterprise {
    std::string code, name;
    double lon = 0, lat = 0;
};

std::vector<enterprise> test_enterprises(int first, int n) {
    std::vector<enterprise> out;
    for (int i = 0; i < n; ++i)
        out.push_back({credit_code(first + i), "导入测试企业" + std::to_string(first + i),
                       116.74 + 0.004 * i, 35.58 + 0.002 * i});
    return out;
}

std::string geojson_of(const std::vector<enterprise>& list) {
    json fc{{"type", "FeatureCollection"}, {"features", json::array()}};
    for (const auto& e : list)
        fc["features"].push_back(
            {{"type", "Feature"},
             {"geometry", {{"type", "Point"}, {"coordinates", {e.lon, e.lat}}}},
             {"properties",
              {{"统一社会信用代码", e.code},
               {"企业名称", e.name},
               {"监管类别", "工贸"},
               {"从业人员数", 25}}}});
    return fc.dump();
}

std::string csv_of(const std::vector<enterprise>& list) {
    std::string out = "统一社会信用代码,企业名称,监管类别,经度,纬度\n";
    for (const auto& e : list)
        out += e.code + "," + e.name + ",危化品," + std::to_string(e.lon) + "," +
               std::to_string(e.lat) + "\n";
    return out;
}

json items_with_code(const std::string& code) {
    const auto r = http_get("/collections/enterprises/items?credit_code=" + code);
    REQUIRE(r.status == 200);
    return r.json();
}

std::string tile_etag(double lon, double lat) {
    const auto t = geo::tile_containing(lon, lat, 12);
    const auto r = http_get("/tiles/enterprises/12/" + std::to_string(t.x) + "/" +
                            std::to_string(t.y) + ".mvt");
    REQUIRE(r.status < 300);
    return r.header("etag");
}

// A GeoPackage point layer with English column names (matched by the built-in aliases).
std::string make_geopackage(const std::filesystem::path& path,
                            const std::vector<enterprise>& list) {
    GDALAllRegister();
    std::filesystem::remove(path);
    auto* driver = GDALGetDriverByName("GPKG");
    REQUIRE(driver);
    auto* ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    REQUIRE(ds);
    auto* srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    auto* layer = GDALDatasetCreateLayer(ds, "firms", srs, wkbPoint, nullptr);
    REQUIRE(layer);
    for (const char* name : {"credit_code", "name", "supervision_category"}) {
        auto* field = OGR_Fld_Create(name, OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
    }
    for (const auto& e : list) {
        auto* f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, e.code.c_str());
        OGR_F_SetFieldString(f, 1, e.name.c_str());
        OGR_F_SetFieldString(f, 2, "coal_mine");
        auto* point = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(point, 0, e.lon, e.lat);
        OGR_F_SetGeometryDirectly(f, point);
        REQUIRE(OGR_L_CreateFeature(layer, f) == OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    OSRDestroySpatialReference(srs);
    GDALClose(ds);
    std::string bytes;
    std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(path.c_str(), "rb"), std::fclose);
    char buf[65536];
    while (const auto n = std::fread(buf, 1, sizeof buf, in.get()))
        bytes.append(buf, n);
    return bytes;
}

void check_error(const http_result& r, int status, const std::string& code,
                 const std::string& words) {
    INFO(r.body);
    CHECK(r.status == status);
    const auto j = json::parse(r.body, nullptr, false);
    REQUIRE(j.is_object());
    CHECK(j["error"] == code);
    CHECK_THAT(j["message"].get<std::string>(), Catch::Contains(words));
    CHECK(j.contains("request_id"));
}

} // namespace

TEST_CASE("a GeoJSON upload commits, its rows are features, and re-uploading it changes nothing",
          "[http][imports]") {
    delete_test_enterprises();
    const auto list = test_enterprises(1, 3);
    const auto etag_before = tile_etag(list[0].lon, list[0].lat);
    const std::vector<form_field> form{{"kind", "enterprises", ""},
                                       {"file", geojson_of(list), "企业名录.geojson"}};
    const auto first = import_file(form);
    INFO(first.dump());
    REQUIRE(first["state"] == "succeeded");
    CHECK(first["progress"] == 100);
    const auto& report = first["report"];
    CHECK(report["outcome"] == "committed");
    CHECK(report["file"] == "企业名录.geojson");
    CHECK(report["counts"]["read"] == 3);
    CHECK(report["counts"]["inserted"] == 3);
    CHECK(report["counts"]["rejected"] == 0);
    for (const auto& e : list) {
        const auto items = items_with_code(e.code);
        REQUIRE(items["numberMatched"] == 1);
        const auto& f = items["features"][0];
        CHECK(f["properties"]["name"] == e.name);
        CHECK(f["properties"]["supervision_category"] == "industry_trade");
        CHECK(f["geometry"]["coordinates"][0].get<double>() == Approx(e.lon).margin(1e-6));
        CHECK(f["geometry"]["coordinates"][1].get<double>() == Approx(e.lat).margin(1e-6));
    }
    // the server's own tiles see the new version at once (no waiting for a notification)
    const auto etag_after = tile_etag(list[0].lon, list[0].lat);
    CHECK(etag_after != etag_before);

    const auto again = import_file(form);
    INFO(again.dump());
    REQUIRE(again["state"] == "succeeded");
    CHECK(again["report"]["counts"]["unchanged"] == 3);
    CHECK(again["report"]["counts"]["inserted"] == 0);
    CHECK(again["report"]["counts"]["updated"] == 0);
    CHECK(tile_etag(list[0].lon, list[0].lat) == etag_after);
    CHECK(again["id"] != first["id"]); // never merged with the earlier import
    delete_test_enterprises();
}

TEST_CASE("one bad credit code rejects the whole file and leaves the database as it was",
          "[http][imports]") {
    delete_test_enterprises();
    auto list = test_enterprises(11, 3);
    list[1].code = wrong_check(list[1].code);
    const auto j = import_file({{"kind", "enterprises", ""}, {"file", csv_of(list), "ledger.csv"}});
    INFO(j.dump());
    CHECK(j["state"] == "failed");
    CHECK(j["error"]["error"] == "import_rejected");
    CHECK_THAT(j["error"]["message"].get<std::string>(), Catch::Contains("nothing was written"));
    REQUIRE(j.contains("report"));
    CHECK(j["report"]["outcome"] == "rejected");
    CHECK(j["report"]["counts"]["rejected"] == 1);
    CHECK(j["report"]["counts"]["inserted"] == 0);
    REQUIRE(j["report"]["rejects"].size() == 1);
    CHECK(j["report"]["rejects"][0]["row"] == 2);
    CHECK(j["report"]["rejects"][0]["field"] == "credit_code");
    for (const auto& e : list)
        CHECK(items_with_code(e.code)["numberMatched"] == 0);

    const auto csv = http_get("/api/imports/" + j["id"].get<std::string>() + "/rejects.csv");
    CHECK(csv.status == 200);
    CHECK(csv.header("content-type").starts_with("text/csv"));
    CHECK_THAT(csv.header("content-disposition"), Catch::Contains("attachment"));
    CHECK(csv.body.starts_with("\xEF\xBB\xBFrow,field,reason\n2,credit_code,"));

    // a dry run of the same file is a check that did its job: it succeeds and lists the row
    const auto dry = import_file({{"kind", "enterprises", ""},
                                  {"dry_run", "true", ""},
                                  {"file", csv_of(list), "ledger.csv"}});
    CHECK(dry["state"] == "succeeded");
    CHECK(dry["report"]["counts"]["rejected"] == 1);
    CHECK(dry["report"]["counts"]["valid"] == 2);

    // accept_partial loads the two good rows and still reports the bad one
    const auto partial = import_file({{"kind", "enterprises", ""},
                                      {"accept_partial", "true", ""},
                                      {"file", csv_of(list), "ledger.csv"}});
    INFO(partial.dump());
    CHECK(partial["state"] == "succeeded");
    CHECK(partial["report"]["outcome"] == "committed");
    CHECK(partial["report"]["counts"]["inserted"] == 2);
    CHECK(partial["report"]["counts"]["rejected"] == 1);
    CHECK(items_with_code(list[0].code)["numberMatched"] == 1);
    CHECK(items_with_code(list[1].code)["numberMatched"] == 0);
    delete_test_enterprises();
}

TEST_CASE("a dry run reports columns, mapping and CRS and writes nothing", "[http][imports]") {
    delete_test_enterprises();
    const auto list = test_enterprises(21, 2);
    const auto j = import_file(
        {{"kind", "enterprises", ""}, {"dry_run", "true", ""}, {"file", csv_of(list), "名录.csv"}});
    INFO(j.dump());
    REQUIRE(j["state"] == "succeeded");
    CHECK(j["dry_run"] == true);
    const auto& report = j["report"];
    CHECK(report["outcome"] == "dry_run");
    CHECK(report["driver"] == "CSV");
    CHECK(report["columns"] == json({"统一社会信用代码", "企业名称", "监管类别", "经度", "纬度"}));
    CHECK(report["mapping"]["credit_code"] == "统一社会信用代码");
    CHECK(report["mapping"]["name"] == "企业名称");
    CHECK(report["mapping"]["lon"] == "经度");
    CHECK_THAT(report["crs"]["source"].get<std::string>(), Catch::Contains("4326"));
    CHECK(report["counts"]["valid"] == 2);
    CHECK(report["counts"]["inserted"] == 2); // what the import would do, rolled back
    for (const auto& e : list)
        CHECK(items_with_code(e.code)["numberMatched"] == 0);
}

TEST_CASE("a GeoPackage sent as a raw body imports through the same pipeline", "[http][imports]") {
    delete_test_enterprises();
    const auto list = test_enterprises(31, 2);
    const auto path = std::filesystem::temp_directory_path() / "riskatlas-http-import-test.gpkg";
    const auto bytes = make_geopackage(path, list);
    std::filesystem::remove(path);
    const auto dry =
        post_raw("/api/imports?kind=enterprises&filename=firms.gpkg&dry_run=true", bytes);
    INFO(dry.body);
    REQUIRE(dry.status == 202);
    const auto checked = finished(dry.json()["id"].get<std::string>());
    CHECK(checked["report"]["outcome"] == "dry_run");
    CHECK(checked["report"]["driver"] == "GPKG");
    CHECK(checked["report"]["layer"] == "firms");
    CHECK(items_with_code(list[0].code)["numberMatched"] == 0);

    const auto r = post_raw("/api/imports?kind=enterprises&filename=firms.gpkg", bytes);
    REQUIRE(r.status == 202);
    const auto j = finished(r.json()["id"].get<std::string>());
    INFO(j.dump());
    CHECK(j["report"]["outcome"] == "committed");
    CHECK(j["report"]["counts"]["inserted"] == 2);
    const auto items = items_with_code(list[1].code);
    REQUIRE(items["numberMatched"] == 1);
    CHECK(items["features"][0]["properties"]["supervision_category"] == "coal_mine");
    delete_test_enterprises();
}

TEST_CASE("a file without a required column fails its job with the error naming it",
          "[http][imports]") {
    const auto j = import_file({{"kind", "enterprises", ""},
                                {"file", "企业名称,经度,纬度\n甲,116.7,35.6\n", "no-codes.csv"}});
    INFO(j.dump());
    CHECK(j["state"] == "failed");
    CHECK_FALSE(j["error"]["error"].get<std::string>().empty());
    CHECK(j["error"]["error"] != "internal_error");
    CHECK_THAT(j["error"]["message"].get<std::string>(), Catch::Contains("credit_code"));
    CHECK(j["error"].contains("request_id"));
    CHECK(http_get("/api/imports/" + j["id"].get<std::string>() + "/rejects.csv").status == 404);
}

TEST_CASE("bad uploads answer 400 or 415 with a JSON error naming the problem", "[http][imports]") {
    const form_field file{"file", "lon,lat\n116.7,35.6\n", "a.csv"};
    check_error(post("/api/imports", {{"kind", "spaceships", ""}, file}), 400, "unknown_kind",
                "spaceships");
    check_error(post("/api/imports", {{"kind", "enterprises", ""}}), 400, "missing_file", "file");
    check_error(post("/api/imports", {file}), 400, "missing_kind", "enterprises");
    check_error(post("/api/imports", {{"kind", "enterprises", ""}, {"file", "", "a.csv"}}), 400,
                "empty_file", "a.csv");
    check_error(post("/api/imports", {{"kind", "enterprises", ""}, {"colour", "red", ""}, file}),
                400, "unknown_parameter", "colour");
    check_error(post("/api/imports?colour=red", {{"kind", "enterprises", ""}, file}), 400,
                "unknown_parameter", "colour");
    check_error(post("/api/imports", {{"kind", "enterprises", ""}, {"dry_run", "yes", ""}, file}),
                400, "invalid_parameter", "dry_run");
    check_error(post("/api/imports",
                     {{"kind", "enterprises", ""}, {"mapping", "{\"fields\": {", ""}, file}),
                400, "invalid_mapping", "not valid JSON");
    check_error(post("/api/imports", {{"kind", "enterprises", ""}, {"file", "x", "roads.shp"}}),
                400, "unsupported_format", ".zip");
    check_error(post_raw("/api/imports",
                         "--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nparks",
                         "multipart/form-data; boundary=b"),
                400, "malformed_multipart", "closing boundary");
    check_error(post_raw("/api/imports", "--x\r\nno headers\r\n\r\n--x--",
                         "multipart/form-data; boundary=x"),
                400, "malformed_multipart", "header");
    check_error(post_raw("/api/imports", "kind=parks", "multipart/form-data"), 400,
                "invalid_content_type", "boundary");
    check_error(post_raw("/api/imports?kind=enterprises", "x"), 400, "missing_filename",
                "filename");
    check_error(post_raw("/api/imports?kind=enterprises&filename=a.csv", "kind=x",
                         "application/x-www-form-urlencoded"),
                415, "unsupported_media_type", "multipart/form-data");
}

TEST_CASE("an upload beyond the request limit is refused with 413 JSON", "[http][imports]") {
    const std::string big(2 << 20, 'x'); // the test server keeps the default 1 MiB limit
    const auto r =
        test::raw_exchange("POST /api/imports?kind=enterprises&filename=a.csv HTTP/1.1\r\n"
                           "Host: t\r\nContent-Type: application/octet-stream\r\n"
                           "Content-Length: " +
                           std::to_string(big.size()) + "\r\n\r\n" + big);
    INFO(r.substr(0, 300));
    CHECK(r.starts_with("HTTP/1.1 413"));
    CHECK(r.find("\"error\":\"request_too_large\"") != std::string::npos);
}

TEST_CASE("premises upload as GBK CSV, are served as features without owners, and re-upload "
          "changes nothing",
          "[http][imports]") {
    test::exec_sql("DELETE FROM premises WHERE code LIKE 'HTTP-%'");
    // as Excel on Chinese Windows saves it: GBK, so the server must detect the encoding
    const std::string utf8 = "场所编号,场所类型,名称,产权人,联系电话,经度,纬度\n"
                             "HTTP-P1,出租屋,导入测试出租屋,王五,13900000000,116.74,35.58\n"
                             "HTTP-P2,废弃厂房,导入测试厂房,,,116.75,35.58\n";
    const std::unique_ptr<char, decltype(&CPLFree)> gbk(
        CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP936"), &CPLFree);
    const std::vector<form_field> form{{"kind", "premises", ""}, {"file", gbk.get(), "场所.csv"}};
    const auto first = import_file(form);
    INFO(first.dump());
    REQUIRE(first["state"] == "succeeded");
    CHECK(first["report"]["encoding"] == "GB18030 (detected)");
    CHECK(first["report"]["counts"]["inserted"] == 2);
    const auto r = http_get("/collections/premises/items?code=HTTP-P1");
    REQUIRE(r.status == 200);
    const auto items = r.json();
    REQUIRE(items["numberMatched"] == 1);
    const auto& p = items["features"][0]["properties"];
    CHECK(p["name"] == "导入测试出租屋");
    CHECK(p["kind"] == "rental_house");
    CHECK(p["status"] == "in_use");
    CHECK_FALSE(p["township_code"].is_null());
    CHECK_FALSE(p.contains("owner_name"));
    CHECK_FALSE(p.contains("contact_phone"));
    const auto t = geo::tile_containing(116.74, 35.58, 12);
    const auto tile = "/tiles/premises/12/" + std::to_string(t.x) + "/" + std::to_string(t.y) + ".mvt";
    const auto etag = http_get(tile).header("etag");

    const auto again = import_file(form);
    CHECK(again["report"]["counts"]["unchanged"] == 2);
    CHECK(http_get(tile).header("etag") == etag);
    test::exec_sql("DELETE FROM premises WHERE code LIKE 'HTTP-%'");
}

TEST_CASE("imports are listed, kinds described, and unknown imports are 404", "[http][imports]") {
    const auto kinds = http_get("/api/imports/kinds");
    REQUIRE(kinds.status == 200);
    bool enterprises = false;
    for (const auto& k : kinds.json())
        if (k["kind"] == "enterprises") {
            enterprises = true;
            CHECK(k["importable"] == true);
            bool code_required = false;
            for (const auto& f : k["fields"])
                if (f["name"] == "credit_code")
                    code_required = f["required"].get<bool>();
            CHECK(code_required);
        }
    CHECK(enterprises);

    for (int i = 0; i < 2; ++i) // two of our own, whatever ran before
        import_file({{"kind", "enterprises", ""},
                     {"dry_run", "true", ""},
                     {"file", csv_of(test_enterprises(41, 1)), "list.csv"}});
    const auto list = http_get("/api/imports?limit=2");
    REQUIRE(list.status == 200);
    const auto imports = list.json()["imports"];
    REQUIRE(imports.size() == 2);
    CHECK(std::stoull(imports[0]["id"].get<std::string>()) >
          std::stoull(imports[1]["id"].get<std::string>()));
    CHECK(imports[0]["file"] == "list.csv");
    CHECK(imports[0]["report"]["outcome"] == "dry_run");
    CHECK_FALSE(imports[0]["report"].contains("columns")); // the list carries summaries only
    check_error(http_get("/api/imports/999999"), 404, "import_not_found", "999999");
    check_error(http_get("/api/imports/999999/rejects.csv"), 404, "import_not_found", "999999");
    check_error(http_get("/api/imports?limit=0"), 400, "invalid_parameter", "limit");
    CHECK(http_get("/api/imports/kinds?x=1").status == 400);
    const auto page = http_get("/imports");
    CHECK(page.status == 200);
    CHECK(page.header("content-type").starts_with("text/html"));
    CHECK_THAT(page.body, Catch::Contains("/web/imports.js"));
}

TEST_CASE("a file GDAL cannot read fails with the upload's own name and never the server's path",
          "[http][imports]") {
    for (const auto& name : {std::string("损坏的企业.gpkg"), std::string("parks.zip")}) {
        const auto j = import_file({{"kind", "parks", ""}, {"file", "not a dataset at all", name}});
        INFO(j.dump());
        CHECK(j["state"] == "failed");
        CHECK(j["error"]["error"] == "unreadable_file");
        const auto message = j["error"]["message"].get<std::string>();
        CHECK_THAT(message, Catch::Contains(name));
        CHECK_THAT(message, !Catch::Contains("riskatlas-import-"));
        CHECK_THAT(message, !Catch::Contains("/tmp"));
        CHECK_THAT(message, !Catch::Contains("upload."));
    }
}
