SELECT body::text FROM risk_models WHERE model_id = $1 AND version = $2
