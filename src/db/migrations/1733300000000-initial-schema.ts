import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: the certification catalog (as parsed from the guide, raw strings kept
 * beside parsed values) and the organization (teams, employees, held certifications,
 * requirements, career goals).
 */
export class InitialSchema1733300000000 implements MigrationInterface {
  name = 'InitialSchema1733300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TYPE experience_level AS ENUM ('BEGINNER', 'INTERMEDIATE', 'ADVANCED');
      CREATE TYPE requirement_priority AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');
      CREATE TYPE cost_kind AS ENUM ('ONE_TIME', 'MONTHLY', 'PER_COURSE', 'UNKNOWN');
      CREATE TYPE validity_kind AS ENUM ('FIXED', 'LIFETIME', 'UNKNOWN');
      CREATE TYPE duration_unit AS ENUM ('DAY', 'WEEK', 'MONTH');

      CREATE TABLE provider (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        renewal_period_raw text,
        renewal_period_months integer,
        renewal_requirements text[] NOT NULL DEFAULT '{}'
      );

      CREATE TABLE certification (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        provider_id integer NOT NULL REFERENCES provider(id),
        university text,
        instructor text,
        level_raw text,
        level_min experience_level,
        level_max experience_level,
        duration_raw text,
        duration_min integer,
        duration_max integer,
        duration_unit duration_unit,
        duration_per_course boolean NOT NULL DEFAULT false,
        cost_raw text,
        cost_kind cost_kind NOT NULL DEFAULT 'UNKNOWN',
        cost_low_cents integer CHECK (cost_low_cents >= 0),
        cost_high_cents integer CHECK (cost_high_cents >= cost_low_cents),
        validity_raw text,
        validity_kind validity_kind NOT NULL DEFAULT 'UNKNOWN',
        validity_months integer CHECK (validity_months > 0),
        exam_format text,
        focus text,
        recognition text,
        credit text,
        study_resources text[] NOT NULL DEFAULT '{}',
        data_complete boolean NOT NULL,
        source_section text,
        CHECK ((validity_kind = 'FIXED') = (validity_months IS NOT NULL)),
        CHECK ((cost_kind = 'UNKNOWN') = (cost_low_cents IS NULL))
      );
      CREATE INDEX certification_provider_idx ON certification (provider_id);

      CREATE TABLE certification_alias (
        alias text PRIMARY KEY,
        certification_id integer NOT NULL REFERENCES certification(id) ON DELETE CASCADE
      );

      CREATE TABLE certification_prerequisite (
        id serial PRIMARY KEY,
        certification_id integer NOT NULL REFERENCES certification(id) ON DELETE CASCADE,
        position integer NOT NULL,
        raw text NOT NULL,
        prerequisite_id integer REFERENCES certification(id),
        UNIQUE (certification_id, position)
      );
      CREATE INDEX certification_prerequisite_target_idx
        ON certification_prerequisite (prerequisite_id);

      CREATE TABLE exam_topic (
        id serial PRIMARY KEY,
        certification_id integer NOT NULL REFERENCES certification(id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        weight_raw text,
        weight_min integer CHECK (weight_min BETWEEN 0 AND 100),
        weight_max integer CHECK (weight_max BETWEEN weight_min AND 100),
        UNIQUE (certification_id, position)
      );

      CREATE TABLE course (
        id serial PRIMARY KEY,
        certification_id integer NOT NULL REFERENCES certification(id) ON DELETE CASCADE,
        position integer NOT NULL,
        course_group text,
        name text NOT NULL,
        UNIQUE (certification_id, position)
      );

      CREATE TABLE skill (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL
      );

      CREATE TABLE certification_skill (
        certification_id integer NOT NULL REFERENCES certification(id) ON DELETE CASCADE,
        skill_id integer NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
        evidence text NOT NULL,
        PRIMARY KEY (certification_id, skill_id)
      );
      CREATE INDEX certification_skill_skill_idx ON certification_skill (skill_id);

      CREATE TABLE learning_path (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        provider_id integer REFERENCES provider(id),
        timeline_raw text,
        timeline_min_months integer,
        timeline_max_months integer,
        source_section text
      );

      CREATE TABLE learning_path_step (
        id serial PRIMARY KEY,
        learning_path_id integer NOT NULL REFERENCES learning_path(id) ON DELETE CASCADE,
        position integer NOT NULL,
        label text NOT NULL,
        title text NOT NULL,
        certification_id integer REFERENCES certification(id),
        duration_raw text,
        duration_min integer,
        duration_max integer,
        duration_unit duration_unit,
        details text[] NOT NULL DEFAULT '{}',
        UNIQUE (learning_path_id, position)
      );

      CREATE TABLE career_role (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        from_guide boolean NOT NULL DEFAULT false
      );

      -- The guide's strategy: a role or an experience level recommends credentials, in order.
      -- A recommendation names either a catalog entry or a category with no single credential.
      CREATE TABLE strategy_recommendation (
        id serial PRIMARY KEY,
        career_role_id integer REFERENCES career_role(id) ON DELETE CASCADE,
        experience_level experience_level,
        position integer NOT NULL,
        raw_name text NOT NULL,
        certification_id integer REFERENCES certification(id),
        CHECK ((career_role_id IS NULL) <> (experience_level IS NULL))
      );

      CREATE TABLE team (
        id serial PRIMARY KEY,
        name text NOT NULL,
        parent_id integer REFERENCES team(id),
        manager_id integer,
        CHECK (parent_id IS DISTINCT FROM id)
      );
      CREATE INDEX team_parent_idx ON team (parent_id);

      CREATE TABLE employee (
        id serial PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 320),
        team_id integer NOT NULL REFERENCES team(id),
        experience_level experience_level NOT NULL,
        hire_date date NOT NULL
      );
      CREATE INDEX employee_team_idx ON employee (team_id, id);

      ALTER TABLE team ADD CONSTRAINT team_manager_fk
        FOREIGN KEY (manager_id) REFERENCES employee(id) ON DELETE SET NULL;
      CREATE INDEX team_manager_idx ON team (manager_id);

      CREATE TABLE held_certification (
        id serial PRIMARY KEY,
        employee_id integer NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
        certification_id integer NOT NULL REFERENCES certification(id),
        earned_on date NOT NULL,
        expires_on date CHECK (expires_on >= earned_on),
        credential_id text,
        revoked_on date,
        revoke_reason text
      );
      CREATE INDEX held_certification_employee_idx ON held_certification (employee_id);
      CREATE INDEX held_certification_cert_idx
        ON held_certification (certification_id, expires_on);

      CREATE TABLE team_requirement (
        id serial PRIMARY KEY,
        team_id integer NOT NULL REFERENCES team(id) ON DELETE CASCADE,
        certification_id integer REFERENCES certification(id),
        skill_id integer REFERENCES skill(id),
        min_holders integer NOT NULL CHECK (min_holders > 0),
        priority requirement_priority NOT NULL,
        CHECK ((certification_id IS NULL) <> (skill_id IS NULL))
      );
      CREATE UNIQUE INDEX team_requirement_cert_uq
        ON team_requirement (team_id, certification_id) WHERE certification_id IS NOT NULL;
      CREATE UNIQUE INDEX team_requirement_skill_uq
        ON team_requirement (team_id, skill_id) WHERE skill_id IS NOT NULL;

      CREATE TABLE career_goal (
        id serial PRIMARY KEY,
        employee_id integer NOT NULL UNIQUE REFERENCES employee(id) ON DELETE CASCADE,
        career_role_id integer NOT NULL REFERENCES career_role(id),
        target_date date
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE career_goal, team_requirement, held_certification;
      ALTER TABLE team DROP CONSTRAINT team_manager_fk;
      DROP TABLE employee, team, strategy_recommendation, career_role, learning_path_step,
        learning_path, certification_skill, skill, course, exam_topic,
        certification_prerequisite, certification_alias, certification, provider;
      DROP TYPE duration_unit, validity_kind, cost_kind, requirement_priority, experience_level;
    `);
  }
}
