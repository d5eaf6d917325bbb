import { Etcd3 } from 'etcd3';
const c = new Etcd3({ hosts: [process.argv[2]] });
const lease = c.lease(5);
console.log('id', await lease.grant());
await lease.put('/a').value('x'); console.log('put ok'); c.close();
