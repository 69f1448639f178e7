// Runs once, on the first start (the image's /docker-entrypoint-initdb.d): one user per service, allowed only its own
// database. notify-service may also change its TTL indexes' periods (collMod), which readWrite does not allow.
const services = [
  ['vigia-bill', process.env.VIGIA_BILL_MONGO_PASSWORD, []],
  ['vigia-vote', process.env.VIGIA_VOTE_MONGO_PASSWORD, []],
  ['vigia-notify', process.env.VIGIA_NOTIFY_MONGO_PASSWORD, ['collMod']],
];
for (const [name, password, extraActions] of services) {
  if (!password) {
    throw new Error(name + ': its MongoDB password is not set (see .env.example)');
  }
  const target = db.getSiblingDB(name);
  const roles = ['readWrite'];
  if (extraActions.length > 0) {
    target.createRole({role: 'vigiaIndexPeriods', privileges: [
      {resource: {db: name, collection: ''}, actions: extraActions}], roles: []});
    roles.push('vigiaIndexPeriods');
  }
  target.createUser({user: name, pwd: password, roles: roles});
}
