// GDAL as a real client: the OAPIF driver lists and reads collections; the MVT driver reads a
// tile straight from the server.
#include <catch2/catch.hpp>

#include "http_client.hpp"

#include <cstdio>
#include <memory>

namespace {
std::string run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
    char buf[4096];
    while (const auto n = fread(buf, 1, sizeof buf, pipe.get()))
        out.append(buf, n);
    return out;
}
} // namespace

TEST_CASE("ogrinfo lists the collections over OAPIF", "[http]") {
    const auto out = run("ogrinfo -ro -so OAPIF:" + riskatlas::test::server_url() + "/");
    INFO(out);
    for (const char* id : {"regions", "enterprises", "hazards", "parks", "villages", "railways"})
        CHECK(out.find(id) != std::string::npos);
}

TEST_CASE("ogrinfo reads every village through paging", "[http]") {
    const auto out = run("ogrinfo -ro -al -so OAPIF:" + riskatlas::test::server_url() + "/ villages");
    INFO(out);
    CHECK(out.find("Feature Count: 440") != std::string::npos);
    const auto all = run("ogrinfo -ro -al -q OAPIF:" + riskatlas::test::server_url() + "/ villages | grep -c 'OGRFeature('");
    CHECK(std::stoi(all) == 440);
}

TEST_CASE("GDAL's MVT driver reads a tile from the server", "[http]") {
    const auto out = run("ogrinfo -ro -al -so MVT:/vsicurl/" + riskatlas::test::server_url() +
                         "/tiles/regions/10/844/403.mvt");
    INFO(out);
    CHECK(out.find("Layer name: regions") != std::string::npos);
    CHECK(out.find("Feature Count: 0") == std::string::npos);
}

TEST_CASE("GDAL reads a streamed export as GeoJSON and as a GeoJSON sequence", "[http]") {
    const auto url = riskatlas::test::server_url() + "/collections/villages/export";
    const auto out = run("ogrinfo -ro -al -so " + url);
    INFO(out);
    CHECK(out.find("Feature Count: 440") != std::string::npos);
    const auto seq = run("ogrinfo -ro -al -so 'GeoJSONSeq:" + url + "?f=geojsonseq'");
    INFO(seq);
    CHECK(seq.find("Feature Count: 440") != std::string::npos);
}
