// GDAL MVT driver as the reference decoder: the tile goes into /vsimem under a z/x/y path so
// the driver georeferences it.
#include "mvt_decode.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_vsi.h>

#include <memory>
#include <stdexcept>

namespace riskatlas::test {
namespace {
struct dataset_closer {
    void operator()(void* ds) const noexcept { GDALClose(ds); }
};
struct feature_destroyer {
    void operator()(void* f) const noexcept { OGR_F_Destroy(static_cast<OGRFeatureH>(f)); }
};
} // namespace

std::map<std::string, std::vector<decoded_feature>> decode_mvt(const std::string& bytes,
                                                               const geo::tile_id& tile) {
    GDALAllRegister();
    const std::string path = "/vsimem/riskatlas_test/" + std::to_string(tile.z) + "/" +
                             std::to_string(tile.x) + "/" + std::to_string(tile.y) + ".mvt";
    VSILFILE* f = VSIFileFromMemBuffer(path.c_str(),
                                       reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                       bytes.size(), FALSE);
    VSIFCloseL(f);
    const char* drivers[] = {"MVT", nullptr};
    std::unique_ptr<void, dataset_closer> ds(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) {
        VSIUnlink(path.c_str());
        throw std::runtime_error("GDAL's MVT driver could not open the tile");
    }
    std::map<std::string, std::vector<decoded_feature>> out;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), i);
        auto& features = out[OGR_L_GetName(layer)];
        OGR_L_ResetReading(layer);
        for (std::unique_ptr<void, feature_destroyer> feat(OGR_L_GetNextFeature(layer));
             feat; feat.reset(OGR_L_GetNextFeature(layer))) {
            decoded_feature d;
            const OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
            // The MVT driver exposes the MVT feature id as the "mvt_id" field.
            for (int k = 0; k < OGR_FD_GetFieldCount(defn); ++k) {
                const std::string name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, k));
                if (!OGR_F_IsFieldSetAndNotNull(feat.get(), k))
                    continue;
                if (name == "mvt_id")
                    d.id = OGR_F_GetFieldAsInteger64(feat.get(), k);
                else
                    d.properties[name] = OGR_F_GetFieldAsString(feat.get(), k);
            }
            if (OGRGeometryH g = OGR_F_GetGeometryRef(feat.get())) {
                d.geometry_type = OGR_G_GetGeometryName(g);
                OGREnvelope env;
                OGR_G_GetEnvelope(g, &env);
                d.min_x = env.MinX, d.min_y = env.MinY, d.max_x = env.MaxX, d.max_y = env.MaxY;
            }
            features.push_back(std::move(d));
        }
    }
    ds.reset();
    VSIUnlink(path.c_str());
    return out;
}

} // namespace riskatlas::test
