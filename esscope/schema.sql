-- The esscope store. One DuckDB file; every page and every import reads and writes it.
-- Codes are INSEE codes (SIREN for EPCI). Geometries are WKB in WGS 84 (EPSG:4326).

CREATE TABLE territories (
    level VARCHAR NOT NULL CHECK (level IN ('country', 'region', 'department', 'epci', 'commune', 'arrondissement')),
    code VARCHAR NOT NULL CHECK (length(code) > 0),
    name VARCHAR NOT NULL CHECK (length(name) > 0),
    -- parent links; a commune carries all three, a département its région
    region_code VARCHAR,
    department_code VARCHAR,
    epci_code VARCHAR,
    parent_code VARCHAR,           -- the commune of an arrondissement
    epci_kind VARCHAR,             -- CC, CA, CU, ME
    population BIGINT CHECK (population >= 0),
    area_km2 DOUBLE CHECK (area_km2 >= 0),
    lon DOUBLE CHECK (lon BETWEEN -180 AND 180),
    lat DOUBLE CHECK (lat BETWEEN -90 AND 90),
    geometry BLOB,                 -- simplified for the web, coverage kept
    PRIMARY KEY (level, code),
    CHECK (level <> 'commune' OR (region_code IS NOT NULL AND department_code IS NOT NULL))
);

-- Every spelling under which a commune can be named in a text.
CREATE TABLE commune_names (
    key VARCHAR NOT NULL CHECK (length(key) > 0),   -- normalised form, see esscope.names.normalise
    code VARCHAR NOT NULL,                           -- the commune (level 'commune')
    kind VARCHAR NOT NULL CHECK (kind IN ('name', 'postcode', 'former', 'arrondissement')),
    label VARCHAR NOT NULL,                          -- what was indexed, as written
    PRIMARY KEY (key, code, kind)
);

CREATE TABLE editions (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2008 AND 2100),
    label VARCHAR NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    CHECK (end_date >= start_date)
);

-- Each imported document or file.
CREATE TABLE sources (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL CHECK (kind IN ('programme', 'indicators', 'reference')),
    name VARCHAR NOT NULL,                 -- file name as given
    format VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL CHECK (length(sha256) = 64),
    edition INTEGER,
    region_code VARCHAR,
    rows INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
    imported_at TIMESTAMP NOT NULL,
    note VARCHAR
);

-- A named place and its commune; confirmed = a person said so, and it is trusted from then on.
CREATE TABLE venues (
    region_code VARCHAR NOT NULL DEFAULT '',   -- '' when the venue is known France-wide
    key VARCHAR NOT NULL CHECK (length(key) > 0),
    name VARCHAR NOT NULL,
    address VARCHAR,
    commune_code VARCHAR NOT NULL,
    confirmed BOOLEAN NOT NULL DEFAULT false,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (region_code, key)
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,                -- stable: same document, same event, same id
    source_id VARCHAR NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 0),
    edition INTEGER NOT NULL CHECK (edition BETWEEN 2008 AND 2100),
    region_code VARCHAR,                   -- région of the programme
    start_date DATE,
    end_date DATE,
    start_time VARCHAR CHECK (start_time IS NULL OR regexp_full_match(start_time, '[0-2][0-9]:[0-5][0-9]')),
    end_time VARCHAR CHECK (end_time IS NULL OR regexp_full_match(end_time, '[0-2][0-9]:[0-5][0-9]')),
    title VARCHAR NOT NULL CHECK (length(title) > 0),
    description VARCHAR,
    theme VARCHAR,
    kind VARCHAR,
    venue VARCHAR,
    address VARCHAR,
    commune_code VARCHAR,
    commune_name VARCHAR,
    online BOOLEAN NOT NULL DEFAULT false,
    organizer VARCHAR,
    co_organizers VARCHAR[] NOT NULL DEFAULT [],
    contact VARCHAR,
    price VARCHAR,
    url VARCHAR,
    confidence DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    warnings VARCHAR[] NOT NULL DEFAULT [],
    search_text VARCHAR,                   -- lower-case, accent-free words for search; filled by the store on commit
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK (end_date IS NULL OR start_date IS NOT NULL)
);

-- Sector figures: one row per value, with its year, scope and source. Disagreeing sources both stay.
CREATE TABLE indicators (
    id VARCHAR PRIMARY KEY,                -- hash of what identifies the figure, so a re-import adds nothing
    territory_level VARCHAR NOT NULL CHECK (territory_level IN ('country', 'region', 'department', 'epci', 'commune', 'other')),
    territory_code VARCHAR NOT NULL,       -- INSEE/SIREN code; for 'other' a slug of the name
    territory_name VARCHAR NOT NULL,
    year INTEGER CHECK (year BETWEEN 1990 AND 2100),   -- NULL only for curated figures whose source gives none
    indicator VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    qualifier VARCHAR NOT NULL DEFAULT '',
    unit VARCHAR NOT NULL CHECK (unit IN ('count', 'pct', 'eur')),
    scope VARCHAR NOT NULL DEFAULT '',
    source_url VARCHAR NOT NULL CHECK (length(source_url) > 0),
    source_id VARCHAR NOT NULL,
    CHECK (unit <> 'pct' OR value BETWEEN 0 AND 100),
    CHECK (value >= 0)
);
