-- Single sign-on and a second step for password sign-ins (issue 22, part 7).

-- A person provisioned from the council's identity provider has no password: they cannot sign in with one.
alter table users alter column password_hash drop not null;

-- The identity provider's subject for this person, so a changed email address still finds them. Both or neither.
alter table users add column oidc_issuer text;
alter table users add column oidc_subject text;
alter table users add constraint users_oidc_issuer_and_subject
  check ((oidc_issuer is null) = (oidc_subject is null));
create unique index users_oidc_subject on users (oidc_issuer, oidc_subject) where oidc_subject is not null;

-- A time-based one-time code (RFC 6238) asked for after the password. The secret is kept sealed (AES-GCM under a
-- key outside the database); it is set when enrolment starts and counts only once a code has confirmed it.
-- The last step used is kept so a code cannot be used twice.
alter table users add column totp_secret text;
alter table users add column totp_enrolled_at timestamptz;
alter table users add column totp_last_step integer;
alter table users add constraint users_totp_enrolled_has_secret
  check (totp_enrolled_at is null or totp_secret is not null);
