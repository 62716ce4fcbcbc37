// SQLGetInfo claims checked against the PostgreSQL server itself: every bit the driver sets in a
// capability mask has a statement here that uses it, and that statement must run. A bit without
// a statement fails too, so a new claim cannot arrive untested. Values with a server-side source
// (keywords, identifier length, isolation, user, database) are compared with the server.
#include "odbc_test.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ios>
#include <map>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

struct Claim {
    SQLUSMALLINT info_type;
    SQLUINTEGER bit;
    const char* sql;
};

// Objects the statements below work on; created and rolled back around each statement.
constexpr const char* fixture =
    "CREATE TABLE it_t (a integer PRIMARY KEY, b varchar(10), c integer);"
    "CREATE TABLE it_u (x integer REFERENCES it_t (a));"
    "CREATE DOMAIN it_d AS integer;"
    "INSERT INTO it_t VALUES (1, 'x', 2);"
    "INSERT INTO it_u VALUES (1)";

const std::vector<Claim>& claims() {
    static const std::vector<Claim> list = {
        {SQL_AGGREGATE_FUNCTIONS, SQL_AF_ALL, "SELECT COUNT(ALL a) FROM it_t"},
        {SQL_AGGREGATE_FUNCTIONS, SQL_AF_AVG, "SELECT AVG(a) FROM it_t"},
        {SQL_AGGREGATE_FUNCTIONS, SQL_AF_COUNT, "SELECT COUNT(*) FROM it_t"},
        {SQL_AGGREGATE_FUNCTIONS, SQL_AF_DISTINCT, "SELECT COUNT(DISTINCT a) FROM it_t"},
        {SQL_AGGREGATE_FUNCTIONS, SQL_AF_MAX, "SELECT MAX(a) FROM it_t"},
        {SQL_AGGREGATE_FUNCTIONS, SQL_AF_MIN, "SELECT MIN(a) FROM it_t"},
        {SQL_AGGREGATE_FUNCTIONS, SQL_AF_SUM, "SELECT SUM(a) FROM it_t"},
        {SQL_ALTER_DOMAIN, SQL_AD_ADD_DOMAIN_CONSTRAINT, "ALTER DOMAIN it_d ADD CHECK (VALUE > 0)"},
        {SQL_ALTER_DOMAIN, SQL_AD_ADD_DOMAIN_DEFAULT, "ALTER DOMAIN it_d SET DEFAULT 1"},
        {SQL_ALTER_DOMAIN, SQL_AD_CONSTRAINT_NAME_DEFINITION,
         "ALTER DOMAIN it_d ADD CONSTRAINT it_pos CHECK (VALUE > 0)"},
        {SQL_ALTER_DOMAIN, SQL_AD_DROP_DOMAIN_CONSTRAINT,
         "ALTER DOMAIN it_d ADD CONSTRAINT it_pos CHECK (VALUE > 0);"
         "ALTER DOMAIN it_d DROP CONSTRAINT it_pos"},
        {SQL_ALTER_DOMAIN, SQL_AD_DROP_DOMAIN_DEFAULT, "ALTER DOMAIN it_d DROP DEFAULT"},
        {SQL_ALTER_TABLE, SQL_AT_ADD_COLUMN_SINGLE, "ALTER TABLE it_t ADD COLUMN d integer"},
        {SQL_ALTER_TABLE, SQL_AT_ADD_COLUMN_DEFAULT,
         "ALTER TABLE it_t ADD COLUMN d integer DEFAULT 5"},
        {SQL_ALTER_TABLE, SQL_AT_ADD_COLUMN_COLLATION,
         "ALTER TABLE it_t ADD COLUMN d text COLLATE \"C\""},
        {SQL_ALTER_TABLE, SQL_AT_SET_COLUMN_DEFAULT,
         "ALTER TABLE it_t ALTER COLUMN c SET DEFAULT 1"},
        {SQL_ALTER_TABLE, SQL_AT_DROP_COLUMN_DEFAULT,
         "ALTER TABLE it_t ALTER COLUMN c DROP DEFAULT"},
        {SQL_ALTER_TABLE, SQL_AT_DROP_COLUMN_CASCADE, "ALTER TABLE it_t DROP COLUMN c CASCADE"},
        {SQL_ALTER_TABLE, SQL_AT_DROP_COLUMN_RESTRICT, "ALTER TABLE it_t DROP COLUMN c RESTRICT"},
        {SQL_ALTER_TABLE, SQL_AT_ADD_TABLE_CONSTRAINT, "ALTER TABLE it_t ADD UNIQUE (c)"},
        {SQL_ALTER_TABLE, SQL_AT_DROP_TABLE_CONSTRAINT_CASCADE,
         "ALTER TABLE it_t ADD CONSTRAINT it_uc UNIQUE (c);"
         "ALTER TABLE it_t DROP CONSTRAINT it_uc CASCADE"},
        {SQL_ALTER_TABLE, SQL_AT_DROP_TABLE_CONSTRAINT_RESTRICT,
         "ALTER TABLE it_t ADD CONSTRAINT it_uc UNIQUE (c);"
         "ALTER TABLE it_t DROP CONSTRAINT it_uc RESTRICT"},
        {SQL_ALTER_TABLE, SQL_AT_CONSTRAINT_NAME_DEFINITION,
         "ALTER TABLE it_t ADD CONSTRAINT it_uc UNIQUE (c)"},
        {SQL_ALTER_TABLE, SQL_AT_CONSTRAINT_INITIALLY_DEFERRED,
         "ALTER TABLE it_t ADD UNIQUE (c) DEFERRABLE INITIALLY DEFERRED"},
        {SQL_ALTER_TABLE, SQL_AT_CONSTRAINT_INITIALLY_IMMEDIATE,
         "ALTER TABLE it_t ADD UNIQUE (c) DEFERRABLE INITIALLY IMMEDIATE"},
        {SQL_ALTER_TABLE, SQL_AT_CONSTRAINT_DEFERRABLE,
         "ALTER TABLE it_t ADD UNIQUE (c) DEFERRABLE"},
        {SQL_ALTER_TABLE, SQL_AT_CONSTRAINT_NON_DEFERRABLE,
         "ALTER TABLE it_t ADD UNIQUE (c) NOT DEFERRABLE"},
        {SQL_CATALOG_USAGE, SQL_CU_DML_STATEMENTS, "SELECT a FROM {db}.public.it_t"},
        {SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CAST, "SELECT CAST(1 AS varchar)"},
        {SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CONVERT, "SELECT {fn CONVERT(1, SQL_VARCHAR)}"},
        {SQL_CREATE_COLLATION, SQL_CCOL_CREATE_COLLATION, "CREATE COLLATION it_coll FROM \"C\""},
        {SQL_CREATE_DOMAIN, SQL_CDO_CREATE_DOMAIN, "CREATE DOMAIN it_d2 AS integer"},
        {SQL_CREATE_DOMAIN, SQL_CDO_DEFAULT, "CREATE DOMAIN it_d2 AS integer DEFAULT 1"},
        {SQL_CREATE_DOMAIN, SQL_CDO_CONSTRAINT, "CREATE DOMAIN it_d2 AS integer CHECK (VALUE > 0)"},
        {SQL_CREATE_DOMAIN, SQL_CDO_COLLATION, "CREATE DOMAIN it_d2 AS text COLLATE \"C\""},
        {SQL_CREATE_DOMAIN, SQL_CDO_CONSTRAINT_NAME_DEFINITION,
         "CREATE DOMAIN it_d2 AS integer CONSTRAINT it_c CHECK (VALUE > 0)"},
        {SQL_CREATE_SCHEMA, SQL_CS_CREATE_SCHEMA, "CREATE SCHEMA it_s"},
        {SQL_CREATE_SCHEMA, SQL_CS_AUTHORIZATION, "CREATE SCHEMA it_s AUTHORIZATION CURRENT_USER"},
        {SQL_CREATE_TABLE, SQL_CT_CREATE_TABLE, "CREATE TABLE it_n (a integer)"},
        {SQL_CREATE_TABLE, SQL_CT_TABLE_CONSTRAINT, "CREATE TABLE it_n (a integer, UNIQUE (a))"},
        {SQL_CREATE_TABLE, SQL_CT_CONSTRAINT_NAME_DEFINITION,
         "CREATE TABLE it_n (a integer CONSTRAINT it_nn NOT NULL)"},
        {SQL_CREATE_TABLE, SQL_CT_COLUMN_CONSTRAINT, "CREATE TABLE it_n (a integer NOT NULL)"},
        {SQL_CREATE_TABLE, SQL_CT_COLUMN_DEFAULT, "CREATE TABLE it_n (a integer DEFAULT 1)"},
        {SQL_CREATE_TABLE, SQL_CT_LOCAL_TEMPORARY, "CREATE LOCAL TEMPORARY TABLE it_n (a integer)"},
        {SQL_CREATE_TABLE, SQL_CT_COMMIT_DELETE,
         "CREATE TEMP TABLE it_n (a integer) ON COMMIT DELETE ROWS"},
        {SQL_CREATE_TABLE, SQL_CT_COMMIT_PRESERVE,
         "CREATE TEMP TABLE it_n (a integer) ON COMMIT PRESERVE ROWS"},
        {SQL_CREATE_TABLE, SQL_CT_COLUMN_COLLATION, "CREATE TABLE it_n (a text COLLATE \"C\")"},
        {SQL_CREATE_TABLE, SQL_CT_CONSTRAINT_INITIALLY_DEFERRED,
         "CREATE TABLE it_n (a integer UNIQUE DEFERRABLE INITIALLY DEFERRED)"},
        {SQL_CREATE_TABLE, SQL_CT_CONSTRAINT_INITIALLY_IMMEDIATE,
         "CREATE TABLE it_n (a integer UNIQUE DEFERRABLE INITIALLY IMMEDIATE)"},
        {SQL_CREATE_TABLE, SQL_CT_CONSTRAINT_DEFERRABLE,
         "CREATE TABLE it_n (a integer UNIQUE DEFERRABLE)"},
        {SQL_CREATE_TABLE, SQL_CT_CONSTRAINT_NON_DEFERRABLE,
         "CREATE TABLE it_n (a integer UNIQUE NOT DEFERRABLE)"},
        {SQL_CREATE_VIEW, SQL_CV_CREATE_VIEW, "CREATE VIEW it_v AS SELECT a FROM it_t"},
        {SQL_CREATE_VIEW, SQL_CV_CHECK_OPTION,
         "CREATE VIEW it_v AS SELECT a FROM it_t WITH CHECK OPTION"},
        {SQL_CREATE_VIEW, SQL_CV_CASCADED,
         "CREATE VIEW it_v AS SELECT a FROM it_t WITH CASCADED CHECK OPTION"},
        {SQL_CREATE_VIEW, SQL_CV_LOCAL,
         "CREATE VIEW it_v AS SELECT a FROM it_t WITH LOCAL CHECK OPTION"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_DATE, "SELECT DATE '2024-01-02'"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_TIME, "SELECT TIME '10:11:12'"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_TIMESTAMP, "SELECT TIMESTAMP '2024-01-02 10:11:12'"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_YEAR, "SELECT INTERVAL '1' YEAR"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_MONTH, "SELECT INTERVAL '2' MONTH"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_DAY, "SELECT INTERVAL '3' DAY"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_HOUR, "SELECT INTERVAL '4' HOUR"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_MINUTE, "SELECT INTERVAL '5' MINUTE"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_SECOND, "SELECT INTERVAL '6.5' SECOND"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_YEAR_TO_MONTH,
         "SELECT INTERVAL '1-2' YEAR TO MONTH"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_DAY_TO_HOUR,
         "SELECT INTERVAL '1 2' DAY TO HOUR"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_DAY_TO_MINUTE,
         "SELECT INTERVAL '1 2:03' DAY TO MINUTE"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_DAY_TO_SECOND,
         "SELECT INTERVAL '1 2:03:04' DAY TO SECOND"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_HOUR_TO_MINUTE,
         "SELECT INTERVAL '2:03' HOUR TO MINUTE"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_HOUR_TO_SECOND,
         "SELECT INTERVAL '2:03:04' HOUR TO SECOND"},
        {SQL_DATETIME_LITERALS, SQL_DL_SQL92_INTERVAL_MINUTE_TO_SECOND,
         "SELECT INTERVAL '3:04' MINUTE TO SECOND"},
        {SQL_DDL_INDEX, SQL_DI_CREATE_INDEX, "CREATE INDEX it_i ON it_t (c)"},
        {SQL_DDL_INDEX, SQL_DI_DROP_INDEX, "CREATE INDEX it_i ON it_t (c); DROP INDEX it_i"},
        {SQL_DROP_COLLATION, SQL_DC_DROP_COLLATION,
         "CREATE COLLATION it_coll FROM \"C\"; DROP COLLATION it_coll"},
        {SQL_DROP_DOMAIN, SQL_DD_DROP_DOMAIN, "DROP DOMAIN it_d"},
        {SQL_DROP_DOMAIN, SQL_DD_CASCADE, "DROP DOMAIN it_d CASCADE"},
        {SQL_DROP_DOMAIN, SQL_DD_RESTRICT, "DROP DOMAIN it_d RESTRICT"},
        {SQL_DROP_SCHEMA, SQL_DS_DROP_SCHEMA, "CREATE SCHEMA it_s; DROP SCHEMA it_s"},
        {SQL_DROP_SCHEMA, SQL_DS_CASCADE, "CREATE SCHEMA it_s; DROP SCHEMA it_s CASCADE"},
        {SQL_DROP_SCHEMA, SQL_DS_RESTRICT, "CREATE SCHEMA it_s; DROP SCHEMA it_s RESTRICT"},
        {SQL_DROP_TABLE, SQL_DT_DROP_TABLE, "DROP TABLE it_u"},
        {SQL_DROP_TABLE, SQL_DT_CASCADE, "DROP TABLE it_t CASCADE"},
        {SQL_DROP_TABLE, SQL_DT_RESTRICT, "DROP TABLE it_u RESTRICT"},
        {SQL_DROP_VIEW, SQL_DV_DROP_VIEW, "CREATE VIEW it_v AS SELECT 1 AS x; DROP VIEW it_v"},
        {SQL_DROP_VIEW, SQL_DV_CASCADE,
         "CREATE VIEW it_v AS SELECT 1 AS x; DROP VIEW it_v CASCADE"},
        {SQL_DROP_VIEW, SQL_DV_RESTRICT,
         "CREATE VIEW it_v AS SELECT 1 AS x; DROP VIEW it_v RESTRICT"},
        {SQL_INDEX_KEYWORDS, SQL_IK_ASC, "CREATE INDEX it_i ON it_t (c ASC)"},
        {SQL_INDEX_KEYWORDS, SQL_IK_DESC, "CREATE INDEX it_i ON it_t (c DESC)"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_CHARACTER_SETS,
         "SELECT * FROM information_schema.character_sets"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_CHECK_CONSTRAINTS,
         "SELECT * FROM information_schema.check_constraints"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_COLLATIONS, "SELECT * FROM information_schema.collations"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_COLUMN_DOMAIN_USAGE,
         "SELECT * FROM information_schema.column_domain_usage"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_COLUMN_PRIVILEGES,
         "SELECT * FROM information_schema.column_privileges"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_COLUMNS, "SELECT * FROM information_schema.columns"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_CONSTRAINT_COLUMN_USAGE,
         "SELECT * FROM information_schema.constraint_column_usage"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_CONSTRAINT_TABLE_USAGE,
         "SELECT * FROM information_schema.constraint_table_usage"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_DOMAIN_CONSTRAINTS,
         "SELECT * FROM information_schema.domain_constraints"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_DOMAINS, "SELECT * FROM information_schema.domains"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_KEY_COLUMN_USAGE,
         "SELECT * FROM information_schema.key_column_usage"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_REFERENTIAL_CONSTRAINTS,
         "SELECT * FROM information_schema.referential_constraints"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_SCHEMATA, "SELECT * FROM information_schema.schemata"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_TABLE_CONSTRAINTS,
         "SELECT * FROM information_schema.table_constraints"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_TABLE_PRIVILEGES,
         "SELECT * FROM information_schema.table_privileges"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_TABLES, "SELECT * FROM information_schema.tables"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_USAGE_PRIVILEGES,
         "SELECT * FROM information_schema.usage_privileges"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_VIEW_COLUMN_USAGE,
         "SELECT * FROM information_schema.view_column_usage"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_VIEW_TABLE_USAGE,
         "SELECT * FROM information_schema.view_table_usage"},
        {SQL_INFO_SCHEMA_VIEWS, SQL_ISV_VIEWS, "SELECT * FROM information_schema.views"},
        {SQL_INSERT_STATEMENT, SQL_IS_INSERT_LITERALS, "INSERT INTO it_t VALUES (2, 'y', 3)"},
        {SQL_INSERT_STATEMENT, SQL_IS_INSERT_SEARCHED, "INSERT INTO it_t SELECT 2, 'y', 3"},
        {SQL_INSERT_STATEMENT, SQL_IS_SELECT_INTO, "SELECT a INTO it_new FROM it_t"},
        {SQL_OJ_CAPABILITIES, SQL_OJ_LEFT,
         "SELECT * FROM it_t LEFT OUTER JOIN it_u ON it_t.a = it_u.x"},
        {SQL_OJ_CAPABILITIES, SQL_OJ_RIGHT,
         "SELECT * FROM it_t RIGHT OUTER JOIN it_u ON it_t.a = it_u.x"},
        {SQL_OJ_CAPABILITIES, SQL_OJ_FULL,
         "SELECT * FROM it_t FULL OUTER JOIN it_u ON it_t.a = it_u.x"},
        {SQL_OJ_CAPABILITIES, SQL_OJ_NESTED,
         "SELECT * FROM it_t LEFT JOIN (it_u LEFT JOIN it_t t2 ON it_u.x = t2.a)"
         " ON it_t.a = it_u.x"},
        {SQL_OJ_CAPABILITIES, SQL_OJ_NOT_ORDERED,
         "SELECT * FROM it_t LEFT JOIN it_u ON it_u.x = it_t.a"},
        {SQL_OJ_CAPABILITIES, SQL_OJ_INNER,
         "SELECT * FROM it_t LEFT JOIN it_u ON it_t.a = it_u.x INNER JOIN it_t t3 ON t3.a = "
         "it_t.a"},
        {SQL_OJ_CAPABILITIES, SQL_OJ_ALL_COMPARISON_OPS,
         "SELECT * FROM it_t LEFT JOIN it_u ON it_t.a <> it_u.x"},
        {SQL_SCHEMA_USAGE, SQL_SU_DML_STATEMENTS, "SELECT a FROM public.it_t"},
        {SQL_SCHEMA_USAGE, SQL_SU_PROCEDURE_INVOCATION,
         "CREATE PROCEDURE public.it_p() LANGUAGE sql AS $$ SELECT 1 $$; CALL public.it_p()"},
        {SQL_SCHEMA_USAGE, SQL_SU_TABLE_DEFINITION, "CREATE TABLE public.it_n (a integer)"},
        {SQL_SCHEMA_USAGE, SQL_SU_INDEX_DEFINITION, "CREATE INDEX it_i ON public.it_t (c)"},
        {SQL_SCHEMA_USAGE, SQL_SU_PRIVILEGE_DEFINITION, "GRANT SELECT ON public.it_t TO PUBLIC"},
        {SQL_SQL92_DATETIME_FUNCTIONS, SQL_SDF_CURRENT_DATE, "SELECT CURRENT_DATE"},
        {SQL_SQL92_DATETIME_FUNCTIONS, SQL_SDF_CURRENT_TIME, "SELECT CURRENT_TIME"},
        {SQL_SQL92_DATETIME_FUNCTIONS, SQL_SDF_CURRENT_TIMESTAMP, "SELECT CURRENT_TIMESTAMP"},
        {SQL_SQL92_FOREIGN_KEY_DELETE_RULE, SQL_SFKD_CASCADE,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON DELETE CASCADE)"},
        {SQL_SQL92_FOREIGN_KEY_DELETE_RULE, SQL_SFKD_NO_ACTION,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON DELETE NO ACTION)"},
        {SQL_SQL92_FOREIGN_KEY_DELETE_RULE, SQL_SFKD_SET_DEFAULT,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON DELETE SET DEFAULT)"},
        {SQL_SQL92_FOREIGN_KEY_DELETE_RULE, SQL_SFKD_SET_NULL,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON DELETE SET NULL)"},
        {SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, SQL_SFKU_CASCADE,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON UPDATE CASCADE)"},
        {SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, SQL_SFKU_NO_ACTION,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON UPDATE NO ACTION)"},
        {SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, SQL_SFKU_SET_DEFAULT,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON UPDATE SET DEFAULT)"},
        {SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, SQL_SFKU_SET_NULL,
         "CREATE TABLE it_f (x integer REFERENCES it_t (a) ON UPDATE SET NULL)"},
        {SQL_SQL92_GRANT, SQL_SG_DELETE_TABLE, "GRANT DELETE ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_INSERT_TABLE, "GRANT INSERT ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_INSERT_COLUMN, "GRANT INSERT (c) ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_REFERENCES_TABLE, "GRANT REFERENCES ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_REFERENCES_COLUMN, "GRANT REFERENCES (c) ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_SELECT_TABLE, "GRANT SELECT ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_UPDATE_TABLE, "GRANT UPDATE ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_UPDATE_COLUMN, "GRANT UPDATE (c) ON it_t TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_USAGE_ON_DOMAIN, "GRANT USAGE ON DOMAIN it_d TO PUBLIC"},
        {SQL_SQL92_GRANT, SQL_SG_WITH_GRANT_OPTION,
         "GRANT SELECT ON it_t TO CURRENT_USER WITH GRANT OPTION"},
        {SQL_SQL92_REVOKE, SQL_SR_DELETE_TABLE, "REVOKE DELETE ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_INSERT_TABLE, "REVOKE INSERT ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_INSERT_COLUMN, "REVOKE INSERT (c) ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_REFERENCES_TABLE, "REVOKE REFERENCES ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_REFERENCES_COLUMN, "REVOKE REFERENCES (c) ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_SELECT_TABLE, "REVOKE SELECT ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_UPDATE_TABLE, "REVOKE UPDATE ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_UPDATE_COLUMN, "REVOKE UPDATE (c) ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_USAGE_ON_DOMAIN, "REVOKE USAGE ON DOMAIN it_d FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_GRANT_OPTION_FOR,
         "REVOKE GRANT OPTION FOR SELECT ON it_t FROM PUBLIC"},
        {SQL_SQL92_REVOKE, SQL_SR_CASCADE, "REVOKE SELECT ON it_t FROM PUBLIC CASCADE"},
        {SQL_SQL92_REVOKE, SQL_SR_RESTRICT, "REVOKE SELECT ON it_t FROM PUBLIC RESTRICT"},
        {SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_BIT_LENGTH, "SELECT BIT_LENGTH('abc')"},
        {SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_CHAR_LENGTH, "SELECT CHAR_LENGTH('abc')"},
        {SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_CHARACTER_LENGTH,
         "SELECT CHARACTER_LENGTH('abc')"},
        {SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_EXTRACT,
         "SELECT EXTRACT(YEAR FROM DATE '2024-01-01')"},
        {SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_OCTET_LENGTH, "SELECT OCTET_LENGTH('abc')"},
        {SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_POSITION, "SELECT POSITION('b' IN 'abc')"},
        {SQL_SQL92_PREDICATES, SQL_SP_BETWEEN, "SELECT 1 WHERE 2 BETWEEN 1 AND 3"},
        {SQL_SQL92_PREDICATES, SQL_SP_COMPARISON, "SELECT 1 WHERE 2 > 1"},
        {SQL_SQL92_PREDICATES, SQL_SP_EXISTS, "SELECT 1 WHERE EXISTS (SELECT 1 FROM it_t)"},
        {SQL_SQL92_PREDICATES, SQL_SP_IN, "SELECT 1 WHERE 2 IN (1, 2)"},
        {SQL_SQL92_PREDICATES, SQL_SP_ISNOTNULL, "SELECT 1 WHERE 1 IS NOT NULL"},
        {SQL_SQL92_PREDICATES, SQL_SP_ISNULL, "SELECT 1 WHERE NULL IS NULL"},
        {SQL_SQL92_PREDICATES, SQL_SP_LIKE, "SELECT 1 WHERE 'abc' LIKE 'a%'"},
        {SQL_SQL92_PREDICATES, SQL_SP_QUANTIFIED_COMPARISON,
         "SELECT 1 WHERE 1 = ANY (SELECT a FROM it_t)"},
        {SQL_SQL92_PREDICATES, SQL_SP_OVERLAPS,
         "SELECT (DATE '2024-01-01', DATE '2024-02-01') OVERLAPS"
         " (DATE '2024-01-15', DATE '2024-03-01')"},
        {SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_CROSS_JOIN,
         "SELECT * FROM it_t CROSS JOIN it_u"},
        {SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_FULL_OUTER_JOIN,
         "SELECT * FROM it_t FULL OUTER JOIN it_u ON it_t.a = it_u.x"},
        {SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_INNER_JOIN,
         "SELECT * FROM it_t INNER JOIN it_u ON it_t.a = it_u.x"},
        {SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_LEFT_OUTER_JOIN,
         "SELECT * FROM it_t LEFT OUTER JOIN it_u ON it_t.a = it_u.x"},
        {SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_NATURAL_JOIN,
         "SELECT * FROM it_t NATURAL JOIN it_u"},
        {SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_RIGHT_OUTER_JOIN,
         "SELECT * FROM it_t RIGHT OUTER JOIN it_u ON it_t.a = it_u.x"},
        {SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_VALUE_EXPRESSION,
         "SELECT 1 WHERE (1, 2) = (1, 2)"},
        {SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_NULL, "INSERT INTO it_t VALUES (2, NULL, NULL)"},
        {SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_DEFAULT,
         "INSERT INTO it_t VALUES (2, DEFAULT, DEFAULT)"},
        {SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_ROW_SUBQUERY,
         "SELECT 1 WHERE (1, 'x') IN (SELECT a, b FROM it_t)"},
        {SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_LOWER, "SELECT LOWER('A')"},
        {SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_UPPER, "SELECT UPPER('a')"},
        {SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_SUBSTRING, "SELECT SUBSTRING('abc' FROM 2 FOR 1)"},
        {SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_TRIM_BOTH, "SELECT TRIM(BOTH 'x' FROM 'xax')"},
        {SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_TRIM_LEADING, "SELECT TRIM(LEADING 'x' FROM 'xax')"},
        {SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_TRIM_TRAILING, "SELECT TRIM(TRAILING 'x' FROM 'xax')"},
        {SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_CASE, "SELECT CASE WHEN 1 = 1 THEN 1 END"},
        {SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_CAST, "SELECT CAST('1' AS integer)"},
        {SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_COALESCE, "SELECT COALESCE(NULL, 1)"},
        {SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_NULLIF, "SELECT NULLIF(1, 2)"},
        {SQL_SUBQUERIES, SQL_SQ_CORRELATED_SUBQUERIES,
         "SELECT a FROM it_t t WHERE EXISTS (SELECT 1 FROM it_u WHERE it_u.x = t.a)"},
        {SQL_SUBQUERIES, SQL_SQ_COMPARISON, "SELECT 1 WHERE 1 = (SELECT 1)"},
        {SQL_SUBQUERIES, SQL_SQ_EXISTS, "SELECT 1 WHERE EXISTS (SELECT a FROM it_t)"},
        {SQL_SUBQUERIES, SQL_SQ_IN, "SELECT 1 WHERE 1 IN (SELECT a FROM it_t)"},
        {SQL_SUBQUERIES, SQL_SQ_QUANTIFIED, "SELECT 1 WHERE 1 >= ALL (SELECT a FROM it_t)"},
        {SQL_UNION, SQL_U_UNION, "SELECT 1 UNION SELECT 2"},
        {SQL_UNION, SQL_U_UNION_ALL, "SELECT 1 UNION ALL SELECT 1"},
    };
    return list;
}

// The capability masks covered above: each must be fully backed by statements.
constexpr std::array checked_masks = {
    SQL_AGGREGATE_FUNCTIONS,
    SQL_ALTER_DOMAIN,
    SQL_ALTER_TABLE,
    SQL_CATALOG_USAGE,
    SQL_CONVERT_FUNCTIONS,
    SQL_CREATE_ASSERTION,
    SQL_CREATE_CHARACTER_SET,
    SQL_CREATE_COLLATION,
    SQL_CREATE_DOMAIN,
    SQL_CREATE_SCHEMA,
    SQL_CREATE_TABLE,
    SQL_CREATE_TRANSLATION,
    SQL_CREATE_VIEW,
    SQL_DATETIME_LITERALS,
    SQL_DDL_INDEX,
    SQL_DROP_ASSERTION,
    SQL_DROP_CHARACTER_SET,
    SQL_DROP_COLLATION,
    SQL_DROP_DOMAIN,
    SQL_DROP_SCHEMA,
    SQL_DROP_TABLE,
    SQL_DROP_TRANSLATION,
    SQL_DROP_VIEW,
    SQL_INDEX_KEYWORDS,
    SQL_INFO_SCHEMA_VIEWS,
    SQL_INSERT_STATEMENT,
    SQL_OJ_CAPABILITIES,
    SQL_SCHEMA_USAGE,
    SQL_SQL92_DATETIME_FUNCTIONS,
    SQL_SQL92_FOREIGN_KEY_DELETE_RULE,
    SQL_SQL92_FOREIGN_KEY_UPDATE_RULE,
    SQL_SQL92_GRANT,
    SQL_SQL92_NUMERIC_VALUE_FUNCTIONS,
    SQL_SQL92_PREDICATES,
    SQL_SQL92_RELATIONAL_JOIN_OPERATORS,
    SQL_SQL92_REVOKE,
    SQL_SQL92_ROW_VALUE_CONSTRUCTOR,
    SQL_SQL92_STRING_FUNCTIONS,
    SQL_SQL92_VALUE_EXPRESSIONS,
    SQL_SUBQUERIES,
    SQL_UNION,
};

SQLUINTEGER mask(const Dbc& dbc, SQLUSMALLINT info_type) {
    SQLUINTEGER value = 0;
    check(SQLGetInfo(dbc.get(), info_type, &value, sizeof value, nullptr), SQL_HANDLE_DBC,
          dbc.get());
    return value;
}

SQLUSMALLINT small(const Dbc& dbc, SQLUSMALLINT info_type) {
    SQLUSMALLINT value = 0;
    check(SQLGetInfo(dbc.get(), info_type, &value, sizeof value, nullptr), SQL_HANDLE_DBC,
          dbc.get());
    return value;
}

void set_autocommit(const Dbc& dbc, bool on) {
    check(SQLSetConnectAttr(
              dbc.get(), SQL_ATTR_AUTOCOMMIT,
              reinterpret_cast<SQLPOINTER>(on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, dbc.get());
}

// Runs `sql` after the fixture in one transaction that is rolled back; the server's error text
// when it fails.
std::string run_in_rolled_back_transaction(const Dbc& dbc, std::string sql) {
    const std::string placeholder = "{db}";
    if (const auto at = sql.find(placeholder); at != std::string::npos) {
        sql.replace(at, placeholder.size(), require_env("RSODBC_TEST_DATABASE"));
    }
    exec(dbc, fixture);
    Stmt stmt(dbc);
    SQLRETURN rc = SQLExecDirect(stmt.get(), sqlc(sql), SQL_NTS);
    std::string failure;
    while (SQL_SUCCEEDED(rc)) {
        rc = SQLMoreResults(stmt.get());
    }
    if (rc != SQL_NO_DATA) {
        failure = diag_text(SQL_HANDLE_STMT, stmt.get());
    }
    SQLEndTran(SQL_HANDLE_DBC, dbc.get(), SQL_ROLLBACK);
    return failure;
}

std::string cast_target(SQLUINTEGER bit) {
    static const std::map<SQLUINTEGER, std::string> names = {
        {SQL_CVT_CHAR, "char(40)"},
        {SQL_CVT_VARCHAR, "varchar"},
        {SQL_CVT_LONGVARCHAR, "text"},
        {SQL_CVT_WCHAR, "char(40)"},
        {SQL_CVT_WVARCHAR, "varchar"},
        {SQL_CVT_WLONGVARCHAR, "text"},
        {SQL_CVT_NUMERIC, "numeric"},
        {SQL_CVT_DECIMAL, "decimal"},
        {SQL_CVT_INTEGER, "integer"},
        {SQL_CVT_SMALLINT, "smallint"},
        {SQL_CVT_TINYINT, "smallint"},
        {SQL_CVT_BIGINT, "bigint"},
        {SQL_CVT_REAL, "real"},
        {SQL_CVT_FLOAT, "float"},
        {SQL_CVT_DOUBLE, "double precision"},
        {SQL_CVT_BIT, "boolean"},
        {SQL_CVT_DATE, "date"},
        {SQL_CVT_TIME, "time"},
        {SQL_CVT_TIMESTAMP, "timestamp"},
        {SQL_CVT_BINARY, "bytea"},
        {SQL_CVT_VARBINARY, "bytea"},
        {SQL_CVT_LONGVARBINARY, "bytea"},
        {SQL_CVT_INTERVAL_YEAR_MONTH, "interval"},
        {SQL_CVT_INTERVAL_DAY_TIME, "interval"},
        {SQL_CVT_GUID, "uuid"},
    };
    const auto found = names.find(bit);
    return found == names.end() ? std::string() : found->second;
}

// Text a character source needs to reach a target type.
std::string text_for(SQLUINTEGER target) {
    if ((target
         & (SQL_CVT_NUMERIC | SQL_CVT_DECIMAL | SQL_CVT_INTEGER | SQL_CVT_SMALLINT | SQL_CVT_TINYINT
            | SQL_CVT_BIGINT | SQL_CVT_REAL | SQL_CVT_FLOAT | SQL_CVT_DOUBLE))
        != 0) {
        return "'12'";
    }
    switch (target) {
        case SQL_CVT_BIT:
            return "'true'";
        case SQL_CVT_DATE:
            return "'2024-01-02'";
        case SQL_CVT_TIME:
            return "'10:11:12'";
        case SQL_CVT_TIMESTAMP:
            return "'2024-01-02 10:11:12'";
        case SQL_CVT_INTERVAL_YEAR_MONTH:
        case SQL_CVT_INTERVAL_DAY_TIME:
            return "'1 day'";
        case SQL_CVT_GUID:
            return "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'";
        default:
            return "'abc'";
    }
}

struct Source {
    SQLUSMALLINT info_type;
    const char* name;
    // The source value: `text` is replaced by text_for(target) for character sources.
    const char* value;
};

constexpr std::array conversion_sources = {
    Source{SQL_CONVERT_CHAR, "SQL_CONVERT_CHAR", "CAST(text AS char(36))"},
    Source{SQL_CONVERT_VARCHAR, "SQL_CONVERT_VARCHAR", "CAST(text AS varchar)"},
    Source{SQL_CONVERT_LONGVARCHAR, "SQL_CONVERT_LONGVARCHAR", "CAST(text AS text)"},
    Source{SQL_CONVERT_WCHAR, "SQL_CONVERT_WCHAR", "CAST(text AS char(36))"},
    Source{SQL_CONVERT_WVARCHAR, "SQL_CONVERT_WVARCHAR", "CAST(text AS varchar)"},
    Source{SQL_CONVERT_WLONGVARCHAR, "SQL_CONVERT_WLONGVARCHAR", "CAST(text AS text)"},
    Source{SQL_CONVERT_NUMERIC, "SQL_CONVERT_NUMERIC", "CAST(12.5 AS numeric)"},
    Source{SQL_CONVERT_DECIMAL, "SQL_CONVERT_DECIMAL", "CAST(12.5 AS decimal)"},
    Source{SQL_CONVERT_INTEGER, "SQL_CONVERT_INTEGER", "CAST(1 AS integer)"},
    Source{SQL_CONVERT_SMALLINT, "SQL_CONVERT_SMALLINT", "CAST(12 AS smallint)"},
    Source{SQL_CONVERT_TINYINT, "SQL_CONVERT_TINYINT", "CAST(12 AS smallint)"},
    Source{SQL_CONVERT_BIGINT, "SQL_CONVERT_BIGINT", "CAST(12 AS bigint)"},
    Source{SQL_CONVERT_REAL, "SQL_CONVERT_REAL", "CAST(12.5 AS real)"},
    Source{SQL_CONVERT_FLOAT, "SQL_CONVERT_FLOAT", "CAST(12.5 AS float)"},
    Source{SQL_CONVERT_DOUBLE, "SQL_CONVERT_DOUBLE", "CAST(12.5 AS double precision)"},
    Source{SQL_CONVERT_BIT, "SQL_CONVERT_BIT", "CAST(true AS boolean)"},
    Source{SQL_CONVERT_DATE, "SQL_CONVERT_DATE", "DATE '2024-01-02'"},
    Source{SQL_CONVERT_TIME, "SQL_CONVERT_TIME", "TIME '10:11:12'"},
    Source{SQL_CONVERT_TIMESTAMP, "SQL_CONVERT_TIMESTAMP", "TIMESTAMP '2024-01-02 10:11:12'"},
    Source{SQL_CONVERT_BINARY, "SQL_CONVERT_BINARY", "CAST('abc' AS bytea)"},
    Source{SQL_CONVERT_VARBINARY, "SQL_CONVERT_VARBINARY", "CAST('abc' AS bytea)"},
    Source{SQL_CONVERT_LONGVARBINARY, "SQL_CONVERT_LONGVARBINARY", "CAST('abc' AS bytea)"},
    Source{SQL_CONVERT_INTERVAL_YEAR_MONTH, "SQL_CONVERT_INTERVAL_YEAR_MONTH",
           "INTERVAL '1-2' YEAR TO MONTH"},
    Source{SQL_CONVERT_INTERVAL_DAY_TIME, "SQL_CONVERT_INTERVAL_DAY_TIME",
           "INTERVAL '1 02:03:04' DAY TO SECOND"},
    Source{SQL_CONVERT_GUID, "SQL_CONVERT_GUID",
           "CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS uuid)"},
};

}  // namespace

TEST_CASE("every capability bit the driver claims runs on the server" * only_our_driver()) {
    Connection c;
    set_autocommit(c.dbc, false);
    for (const auto info_type : checked_masks) {
        const SQLUINTEGER claimed = mask(c.dbc, static_cast<SQLUSMALLINT>(info_type));
        SQLUINTEGER backed = 0;
        for (const auto& claim : claims()) {
            if (claim.info_type != info_type || (claimed & claim.bit) == 0) {
                continue;
            }
            backed |= claim.bit;
            INFO("InfoType " << info_type << " bit " << claim.bit << ": " << claim.sql);
            CHECK(run_in_rolled_back_transaction(c.dbc, claim.sql) == "");
        }
        INFO("InfoType " << info_type
                         << " claims bits without a statement here: " << (claimed & ~backed));
        CHECK((claimed & ~backed) == 0);
    }
}

TEST_CASE("every SQL_CONVERT_* target the driver claims is a cast the server performs"
          * only_our_driver()) {
    Connection c;
    int casts = 0;
    for (const auto& source : conversion_sources) {
        const SQLUINTEGER targets = mask(c.dbc, source.info_type);
        for (SQLUINTEGER bit = 1; bit != 0; bit <<= 1U) {
            if ((targets & bit) == 0) {
                continue;
            }
            const std::string target = cast_target(bit);
            INFO(std::string(source.name) << " claims target bit " << bit);
            REQUIRE_FALSE(target.empty());
            std::string value = source.value;
            if (const auto at = value.find("text AS"); at != std::string::npos) {
                value.replace(at, 4, text_for(bit));
            }
            const std::string sql = "SELECT CAST(" + value + " AS " + target + ")";
            INFO(sql);
            Stmt stmt(c.dbc);
            const SQLRETURN rc = SQLExecDirect(stmt.get(), sqlc(sql), SQL_NTS);
            CHECK_MESSAGE(SQL_SUCCEEDED(rc), diag_text(SQL_HANDLE_STMT, stmt.get()));
            ++casts;
        }
    }
    CHECK(casts > 200);
}

TEST_CASE("SQLGetInfo values with a server-side source agree with the server" * only_our_driver()) {
    Connection c;
    SUBCASE("SQL_KEYWORDS: the server's reserved words minus ODBC's") {
        std::vector<std::string> expected;
        Stmt stmt(c.dbc);
        exec(stmt,
             "SELECT upper(word) FROM pg_get_keywords() WHERE catcode IN ('R', 'T') ORDER BY 1");
        const std::string odbc = "," SQL_ODBC_KEYWORDS ",";
        while (SQLFetch(stmt.get()) == SQL_SUCCESS) {
            const auto word = fetch_string(stmt, 1);
            REQUIRE(word.has_value());
            if (odbc.find("," + *word + ",") == std::string::npos) {
                expected.push_back(*word);
            }
        }
        std::string joined;
        for (const auto& word : expected) {
            joined += (joined.empty() ? "" : ",") + word;
        }
        std::array<char, 8192> buf{};
        check(SQLGetInfo(c.dbc, SQL_KEYWORDS, buf.data(), static_cast<SQLSMALLINT>(buf.size()),
                         nullptr),
              SQL_HANDLE_DBC, c.dbc);
        CHECK(std::string(buf.data()) == joined);
    }
    SUBCASE("identifier limits are max_identifier_length") {
        const auto limit = query_string(c.dbc, "SHOW max_identifier_length");
        REQUIRE(limit.has_value());
        for (const SQLUSMALLINT item :
             {SQL_MAX_IDENTIFIER_LEN, SQL_MAX_TABLE_NAME_LEN, SQL_MAX_COLUMN_NAME_LEN,
              SQL_MAX_SCHEMA_NAME_LEN, SQL_MAX_CATALOG_NAME_LEN, SQL_MAX_USER_NAME_LEN,
              SQL_MAX_PROCEDURE_NAME_LEN, SQL_MAX_CURSOR_NAME_LEN}) {
            CAPTURE(item);
            CHECK(small(c.dbc, item) == std::stoi(*limit));
        }
        CHECK(small(c.dbc, SQL_MAX_COLUMNS_IN_INDEX)
              == std::stoi(query_string(c.dbc, "SHOW max_index_keys").value_or("0")));
    }
    SUBCASE("user, database and version") {
        CHECK(info_string(c.dbc, SQL_USER_NAME) == query_string(c.dbc, "SELECT current_user"));
        CHECK(info_string(c.dbc, SQL_DATABASE_NAME)
              == query_string(c.dbc, "SELECT current_database()"));
        const auto number = query_string(c.dbc, "SHOW server_version_num");
        REQUIRE(number.has_value());
        const int version = std::stoi(*number);  // 150018 for 15.18
        char expected[32];
        std::snprintf(expected, sizeof expected, "%02d.%02d.0000", version / 10000,
                      version % 10000);
        CHECK(info_string(c.dbc, SQL_DBMS_VER) == expected);
    }
    SUBCASE("default isolation") {
        const auto level = query_string(c.dbc, "SHOW default_transaction_isolation");
        REQUIRE(level == "read committed");
        CHECK(mask(c.dbc, SQL_DEFAULT_TXN_ISOLATION) == SQL_TXN_READ_COMMITTED);
    }
    SUBCASE("identifier case: unquoted folded to lower, quoted kept") {
        CHECK(small(c.dbc, SQL_IDENTIFIER_CASE) == SQL_IC_LOWER);
        CHECK(small(c.dbc, SQL_QUOTED_IDENTIFIER_CASE) == SQL_IC_SENSITIVE);
        CHECK(query_string(c.dbc, "SELECT 1 AS MiXeD, 2 AS \"MiXeD\"").has_value());
        Stmt stmt(c.dbc);
        exec(stmt, "SELECT 1 AS MiXeD, 2 AS \"MiXeD\"");
        std::array<SQLCHAR, 64> name{};
        SQLSMALLINT length = 0;
        SQLSMALLINT type = 0;
        SQLULEN size = 0;
        SQLSMALLINT digits = 0;
        SQLSMALLINT nullable = 0;
        check(SQLDescribeCol(stmt.get(), 1, name.data(), 64, &length, &type, &size, &digits,
                             &nullable),
              SQL_HANDLE_STMT, stmt.get());
        CHECK(std::string(reinterpret_cast<char*>(name.data())) == "mixed");
        check(SQLDescribeCol(stmt.get(), 2, name.data(), 64, &length, &type, &size, &digits,
                             &nullable),
              SQL_HANDLE_STMT, stmt.get());
        CHECK(std::string(reinterpret_cast<char*>(name.data())) == "MiXeD");
    }
    SUBCASE("NULLs sort high; concatenation with NULL is NULL") {
        CHECK(small(c.dbc, SQL_NULL_COLLATION) == SQL_NC_HIGH);
        CHECK(query_string(c.dbc, "SELECT x FROM (VALUES (1), (NULL)) v(x) ORDER BY x DESC LIMIT 1")
              == std::nullopt);
        CHECK(small(c.dbc, SQL_CONCAT_NULL_BEHAVIOR) == SQL_CB_NULL);
        CHECK(query_string(c.dbc, "SELECT 'a' || NULL") == std::nullopt);
    }
    SUBCASE("GROUP BY must contain the select list's plain columns, may contain more") {
        CHECK(small(c.dbc, SQL_GROUP_BY) == SQL_GB_GROUP_BY_CONTAINS_SELECT);
        exec(c.dbc, "SELECT x FROM (VALUES (1, 2)) v(x, y) GROUP BY x, y");
        Stmt stmt(c.dbc);
        CHECK(SQLExecDirect(stmt.get(), sqlc("SELECT x, y FROM (VALUES (1, 2)) v(x, y) GROUP BY x"),
                            SQL_NTS)
              == SQL_ERROR);
    }
    SUBCASE("special characters in unquoted names") {
        CHECK(info_string(c.dbc, SQL_SPECIAL_CHARACTERS) == "$");
        CHECK(query_string(c.dbc, "SELECT 1 AS a$b") == "1");
    }
}
