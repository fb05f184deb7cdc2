import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectPostgres } from '../../db/connect';
import { databaseUrl } from './postgres-url';

// One migrated template database per run; each test file gets CREATE DATABASE … TEMPLATE.
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL!;
  const template = `portaria_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const conn = connectPostgres(databaseUrl(base, template), 1);
  await conn.migrate();
  await conn.close();
  project.provide('postgresTemplate', template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
