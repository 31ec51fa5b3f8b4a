import { Type } from 'typebox';

/** Form bodies of the administrator's pages: every field is text, checked by the service in words. */
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const csrf = { _csrf: Type.Optional(Type.String()) };

export const UserParams = Type.Object({ userId: Type.String({ format: 'uuid' }) });
export const ChildParams = Type.Object({ childId: Type.String({ format: 'uuid' }) });
export const PersonParams = Type.Object({
  childId: Type.String({ format: 'uuid' }),
  workerId: Type.String({ format: 'uuid' }),
});

export const NewUserForm = Type.Object({
  givenName: text(100),
  familyName: text(100),
  email: text(320),
  role: text(50),
  teamId: text(64),
  manages: text(10),
  password: text(200),
  ...csrf,
});

export const RegistrationForm = Type.Object({ registration: text(20), ...csrf });
export const ChangeUserForm = Type.Object({ role: text(50), teamId: text(64), manages: text(10), ...csrf });

export const RestrictForm = Type.Object({ localId: text(50), reason: text(1000), ...csrf });
export const AllowPersonForm = Type.Object({ email: text(320), reason: text(1000), ...csrf });
export const ReasonForm = Type.Object({ reason: text(1000), ...csrf });
export const EmptyForm = Type.Object({ ...csrf });
