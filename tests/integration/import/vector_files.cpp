// GDAL writers for the import tests' hostile and friendly files.
#include "vector_files.hpp"

#include <catch2/catch.hpp>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

namespace riskatlas::test {
namespace {

struct dataset_closer {
    void operator()(void *ds) const { GDALClose(ds); }
};

std::string base_name(const std::string &path) {
    return std::filesystem::path(path).filename().string();
}

} // namespace

void write_vector(const std::string &path, const std::string &driver_name,
                  const vector_layer &layer) {
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
    REQUIRE(driver != nullptr);
    std::unique_ptr<void, dataset_closer> ds(
        GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    INFO(CPLGetLastErrorMsg());
    REQUIRE(ds != nullptr);
    OGRSpatialReferenceH srs = nullptr;
    if (layer.epsg) {
        srs = OSRNewSpatialReference(nullptr);
        REQUIRE(OSRImportFromEPSG(srs, *layer.epsg) == OGRERR_NONE);
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    }
    std::vector<const char *> options;
    for (const auto &o : layer.layer_options)
        options.push_back(o.c_str());
    options.push_back(nullptr);
    OGRLayerH l = GDALDatasetCreateLayer(ds.get(), layer.name.c_str(), srs,
                                         layer.geometry ? wkbUnknown : wkbNone,
                                         const_cast<char **>(options.data()));
    if (srs)
        OSRRelease(srs);
    REQUIRE(l != nullptr);
    for (const auto &f : layer.fields) {
        OGRFieldDefnH defn = OGR_Fld_Create(f.c_str(), OFTString);
        REQUIRE(OGR_L_CreateField(l, defn, TRUE) == OGRERR_NONE);
        OGR_Fld_Destroy(defn);
    }
    for (const auto &row : layer.rows) {
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(l));
        for (std::size_t i = 0; i < row.values.size(); ++i)
            if (row.values[i])
                OGR_F_SetFieldString(feature, static_cast<int>(i), row.values[i]->c_str());
        if (row.wkt) {
            OGRGeometryH g = nullptr;
            char *text = const_cast<char *>(row.wkt->c_str());
            REQUIRE(OGR_G_CreateFromWkt(&text, nullptr, &g) == OGRERR_NONE);
            OGR_F_SetGeometryDirectly(feature, g);
        }
        const OGRErr err = OGR_L_CreateFeature(l, feature);
        OGR_F_Destroy(feature);
        INFO(CPLGetLastErrorMsg());
        REQUIRE(err == OGRERR_NONE);
    }
}

void zip_files(const std::string &zip_path, const std::vector<std::string> &files) {
    for (const auto &file : files) {
        std::ifstream in(file, std::ios::binary);
        REQUIRE(in);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string target = "/vsizip/" + zip_path + "/" + base_name(file);
        VSILFILE *out = VSIFOpenL(target.c_str(), "wb");
        REQUIRE(out != nullptr);
        REQUIRE(VSIFWriteL(bytes.data(), 1, bytes.size(), out) == bytes.size());
        VSIFCloseL(out);
    }
}

// Removes the directories made by temp_dir when the test program ends.
struct temp_dirs {
    std::vector<std::string> paths;
    ~temp_dirs() {
        for (const auto &p : paths) {
            std::error_code ignored;
            std::filesystem::remove_all(p, ignored);
        }
    }
};

std::string temp_dir(const std::string &tag) {
    static temp_dirs made;
    std::string pattern = "/tmp/riskatlas-" + tag + "-XXXXXX";
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    made.paths.push_back(pattern);
    return pattern;
}

void write_text(const std::string &path, const std::string &text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    REQUIRE(out.good());
}

} // namespace riskatlas::test
