export {
  getDb,
  getDbHandle,
  openDb,
  queryRows,
  setDbHandle,
  type Db,
  type Tx,
  type DbHandle,
} from "./client";
