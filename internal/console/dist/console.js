var A=class extends Error{constructor(o,r,u){super(r);this.code=o;this.requestId=u}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}};async function v(e,n,o={}){let r={"Content-Type":"application/json"};o.token&&(r.Authorization=`Bearer ${o.token}`),o.tenantId&&(r["X-Tenant-Id"]=o.tenantId),o.env&&(r["X-Env"]=o.env),o.projectId&&(r["X-Project-Id"]=o.projectId);let u=e.__meta__?.hash,s=u?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:u}}}:{query:e.toString(),variables:n},a;try{a=await fetch("/query",{method:"POST",headers:r,body:JSON.stringify(s)})}catch(h){throw new A("NETWORK",`the API did not answer: ${String(h)}`,"")}let p=a.headers.get("X-Request-Id")??"",m;try{m=await a.json()}catch{throw new A(`HTTP_${a.status}`,"the API answered something that is not GraphQL",p)}let y=m.errors?.[0];if(y)throw new A(y.extensions?.code??"ERROR",y.message,p);if(m.data==null)throw new A(`HTTP_${a.status}`,"no data in the answer",p);return m.data}function t(e,n={},...o){let r=document.createElement(e);for(let[u,s]of Object.entries(n))r.setAttribute(u,s);return r.append(...o),r}function q(e,n,o){let r=t("button",{type:"button",...n},e);return r.addEventListener("click",o),r}function $(e,n){let o=n instanceof A?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function V(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}var w=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},ye=new w(`
    query ConsoleHome {
  tenants {
    id
    name
    mode {
      id
      name
    }
  }
  myInvitations {
    id
    tenantId
    role
    expiresAt
  }
}
    `,{hash:"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}),he=new w(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),be=new w(`
    mutation ConsoleLogin($input: LoginInput!) {
  login(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),Ce=new w(`
    mutation ConsoleSignup($input: SignupInput!) {
  signup(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),xe=new w(`
    mutation ConsoleRefresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),Ie=new w(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),ke=new w(`
    query ConsoleMembers {
  members {
    userId
    role
    version
    user {
      email
    }
  }
  invitations {
    id
    email
    role
    status
    expiresAt
  }
}
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),ve=new w(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),we=new w(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),Te=new w(`
    query ConsoleAuditLog($first: Int, $after: String, $action: String) {
  auditEvents(first: $first, after: $after, action: $action) {
    edges {
      node {
        id
        at
        action
        targetType
        targetId
        requestId
        actor {
          kind
          id
          label
        }
        changes {
          field
          from
          to
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `,{hash:"sha256:483a6db1802d536ce9147874e28f01f1426c82f19f34052e6cb60f3977d96348"}),Re=new w(`
    query ConsoleRoutes {
  routes {
    resourceKind
    env
    projectId
    backendType
    config {
      key
      value
    }
    version
    updatedBy
  }
}
    `,{hash:"sha256:783ad2fa9f20b993f998c21044ea39e195bbe4f0da8d21eeba288b023c6afbd8"}),$e=new w(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    version
    deleted
  }
}
    `,{hash:"sha256:999d04ee0ba6c5f51de9905db9d58b73046ef56a80f1e9556bbde56ed4ccd1f0"}),Se=new w(`
    query ConsoleRoles {
  context {
    roles
  }
}
    `,{hash:"sha256:0a37bf7f0e518cca76585c0d8ead2f8f3c65226b0d37f1dbdb937346ef557016"}),Ee=new w(`
    query ConsoleProjects {
  projects(first: 100) {
    edges {
      node {
        id
        name
        version
      }
    }
  }
}
    `,{hash:"sha256:11b1eb10a2e657e7f12464f9795d791483c0768b4fe4fde9c1d712455d0b86d2"}),De=new w(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"});var Ge={"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n":ye,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":he,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":be,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":Ce,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":xe,"\n  mutation ConsoleLogout {\n    logout\n  }\n":Ie,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":ke,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":ve,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":we,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Te,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } version updatedBy }\n  }\n":Re,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n":$e,"\n  query ConsoleRoles {\n    context { roles }\n  }\n":Se,"\n  query ConsoleProjects {\n    projects(first: 100) { edges { node { id name version } } }\n  }\n":Ee,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":De};function I(e){return Ge[e]??{}}var Ke=I(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),ze=I(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),Fe=I(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),Ue=I(`
  mutation ConsoleLogout {
    logout
  }
`),J="northstar.refresh",z=null;function oe(e){return e.refreshToken&&sessionStorage.setItem(J,e.refreshToken),z={token:e.token,email:e.user.email,userId:e.user.id},z}function Pe(){return z}async function Ae(e,n){let o=await v(Ke,{input:{email:e,password:n}});return oe(o.login)}async function qe(e,n,o){let r=await v(ze,{input:{email:e,password:n,tenantName:o}});return oe(r.signup)}async function Me(){let e=sessionStorage.getItem(J);if(!e)return null;try{let n=await v(Fe,{refreshToken:e});return oe(n.refreshSession)}catch{return sessionStorage.removeItem(J),null}}async function Le(){let e=z;z=null,sessionStorage.removeItem(J),e&&await v(Ue,{},{token:e.token}).catch(()=>{})}function S(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function j(e){return S(e)==="object"}function Xe(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function re(e,n){return e.length<124?e:n}var je="graphql-transport-ws";var D=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(D||{}),P=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(P||{});function Ne(e){if(!j(e))throw new Error(`Message is expected to be an object, but got ${S(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${S(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!j(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${S(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!j(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${S(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${S(e.payload.query)}`);if(e.payload.variables!=null&&!j(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${S(e.payload.variables)}`);if(e.payload.operationName!=null&&S(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${S(e.payload.operationName)}`);if(e.payload.extensions!=null&&!j(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${S(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${S(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!j(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${S(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${S(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Xe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${S(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Oe(e,n){return Ne(typeof e=="string"?JSON.parse(e,n):e)}function W(e,n){return Ne(e),JSON.stringify(e,n)}function ie(e){let{url:n,connectionParams:o,lazy:r=!0,onNonLazyError:u=console.error,lazyCloseTimeout:s=0,keepAlive:a=0,disablePong:p,connectionAckWaitTimeout:m=0,retryAttempts:y=5,retryWait:h=async function(f){let i=Math.pow(2,f);await new Promise(d=>setTimeout(d,i*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:E=se,on:b,webSocketImpl:g,generateID:G=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,f=>{let i=Math.random()*16|0;return(f=="x"?i:i&3|8).toString(16)})},jsonMessageReplacer:N,jsonMessageReviver:ee}=e,Q;if(g){if(!Ye(g))throw new Error("Invalid WebSocket implementation provided");Q=g}else typeof WebSocket<"u"?Q=WebSocket:typeof global<"u"?Q=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(Q=window.WebSocket||window.MozWebSocket);if(!Q)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let O=Q,T=(()=>{let c=(()=>{let i={};return{on(d,C){return i[d]=C,()=>{delete i[d]}},emit(d){"id"in d&&i[d.id]?.(d)}}})(),f={connecting:b?.connecting?[b.connecting]:[],opened:b?.opened?[b.opened]:[],connected:b?.connected?[b.connected]:[],ping:b?.ping?[b.ping]:[],pong:b?.pong?[b.pong]:[],message:b?.message?[c.emit,b.message]:[c.emit],closed:b?.closed?[b.closed]:[],error:b?.error?[b.error]:[]};return{onMessage:c.on,on(i,d){let C=f[i];return C.push(d),()=>{let x=C.indexOf(d);x>-1&&C.splice(x,1)}},emit(i,...d){for(let C of[...f[i]])C(...d)}}})();function te(c){let f=[T.on("error",i=>{f.forEach(d=>d()),c(i)}),T.on("closed",i=>{f.forEach(d=>d()),c(i)})];return()=>f.forEach(i=>i())}let _,L=0,ne,K=!1,U=0,le=!1;async function de(){clearTimeout(ne);let[c,f]=await(_??(_=new Promise((C,x)=>(async()=>{if(K){if(await h(U),!L)return _=void 0,x({code:1e3,reason:"All Subscriptions Gone"});U++}T.emit("connecting",K);let l=new O(typeof n=="function"?await n():n,je),M,H;function X(){isFinite(a)&&a>0&&(clearTimeout(H),H=setTimeout(()=>{l.readyState===O.OPEN&&(l.send(W({type:P.Ping})),T.emit("ping",!1,void 0))},a))}te(R=>{_=void 0,clearTimeout(M),clearTimeout(H),x(R),R instanceof F&&(l.close(4499,"Terminated"),l.onerror=null,l.onclose=null)}),l.onerror=R=>T.emit("error",R),l.onclose=R=>T.emit("closed",R),l.onopen=async()=>{try{T.emit("opened",l);let R=typeof o=="function"?await o():o;if(l.readyState!==O.OPEN)return;l.send(W(R?{type:P.ConnectionInit,payload:R}:{type:P.ConnectionInit},N)),isFinite(m)&&m>0&&(M=setTimeout(()=>{l.close(D.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},m)),X()}catch(R){T.emit("error",R),l.close(D.InternalClientError,re(R instanceof Error?R.message:String(R),"Internal client error"))}};let B=!1;l.onmessage=({data:R})=>{try{let k=Oe(R,ee);if(T.emit("message",k),k.type==="ping"||k.type==="pong"){T.emit(k.type,!0,k.payload),k.type==="pong"?X():p||(l.send(W(k.payload?{type:P.Pong,payload:k.payload}:{type:P.Pong},N)),T.emit("pong",!1,k.payload));return}if(B)return;if(k.type!==P.ConnectionAck)throw new Error(`First message cannot be of type ${k.type}`);clearTimeout(M),B=!0,T.emit("connected",l,k.payload,K),K=!1,U=0;let fe=new Promise((mt,Be)=>te(Be));fe.catch(()=>{}),C([l,fe])}catch(k){l.onmessage=null,T.emit("error",k),l.close(D.BadResponse,re(k instanceof Error?k.message:String(k),"Bad response"))}}})())));c.readyState===O.CLOSING&&await f;let i=()=>{},d=new Promise(C=>i=C);return[c,i,new Promise((C,x)=>{let l=te(x);c.readyState!==O.OPEN&&f.catch(x),d.then(()=>{if(l(),!L){let M=()=>c.close(1e3,"Normal Closure");isFinite(s)&&s>0?(clearTimeout(ne),ne=setTimeout(()=>{!L&&c.readyState===O.OPEN&&M()},s)):M()}C()})})]}function me(c){if(se(c)&&(Je(c.code)||[D.InternalServerError,D.InternalClientError,D.BadRequest,D.BadResponse,D.Unauthorized,D.SubprotocolNotAcceptable,D.SubscriberAlreadyExists,D.TooManyInitialisationRequests].includes(c.code)))throw c;if(le)return!1;if(se(c)&&c.code===1e3)return L>0;if(!y||U>=y||!E(c))throw c;return K=!0}r||(async()=>{for(L++;;)try{let[,,c]=await de();await c}catch(c){try{if(!me(c))return}catch(f){return u?.(f)}}})();function ge(c,f){let i=G(c),d=!1,C=!1,x=()=>{L--,d=!0};return(async()=>{for(L++;;)try{let[l,M,H]=await de();if(d)return H.catch(()=>{}),M();let X=T.onMessage(i,B=>{switch(B.type){case P.Next:{f.next(B.payload);return}case P.Error:{C=!0,d=!0,f.error(B.payload),x();return}case P.Complete:{d=!0,x();return}}});l.send(W({id:i,type:P.Subscribe,payload:c},N)),x=()=>{!d&&l.readyState===O.OPEN&&l.send(W({id:i,type:P.Complete},N)),L--,d=!0,M()},await H.finally(X);return}catch(l){if(!me(l))return}})().then(()=>{C||f.complete()}).catch(l=>{f.error(l)}),()=>{d||x()}}return{on:T.on,subscribe:ge,iterate(c){let f=[],i={done:!1,error:null,resolve:()=>{}},d=ge(c,{next(x){f.push(x),i.resolve()},error(x){i.done=!0,i.error=x,i.resolve()},complete(){i.done=!0,i.resolve()}}),C=(async function*(){for(;;){for(f.length||await new Promise(l=>i.resolve=l);f.length;)yield f.shift();if(i.error)throw i.error;if(i.done)return}})();return C.throw=async x=>(i.done||(i.done=!0,i.error=x,i.resolve()),{done:!0,value:void 0}),C.return=async()=>(d(),{done:!0,value:void 0}),C},async dispose(){if(le=!0,_){let[c]=await _;c.close(1e3,"Normal Closure")}},terminate(){_&&T.emit("closed",new F)}}}var F=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function se(e){return j(e)&&"code"in e&&"reason"in e}function Je(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Ye(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function _e(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return ie({url:n,connectionParams:()=>({authorization:e.token?`Bearer ${e.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function Ve(e,n,o,r,u){let s=n.__meta__?.hash;return e.subscribe(s?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:s}}}:{query:n.toString(),variables:o},{next:a=>{let p=a.errors?.[0];p?u(new A(String(p.extensions?.code??"ERROR"),p.message,"")):a.data&&r(a.data)},error:a=>u(new A("SUBSCRIPTION",a instanceof Error?a.message:"the subscription ended with an error","")),complete:()=>{}})}var Ze=I(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),et=I(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),tt=I(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),nt=I(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String) {
    auditEvents(first: $first, after: $after, action: $action) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),ot=["VIEWER","MEMBER","ADMIN","OWNER"],rt=I(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } version updatedBy }
  }
`),st=I(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env version deleted }
  }
`),ae=null;function Y(){ae?.(),ae=null}var it=I(`
  query ConsoleRoles {
    context { roles }
  }
`),at=I(`
  query ConsoleProjects {
    projects(first: 100) { edges { node { id name version } } }
  }
`),ut=I(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`);async function Qe(e,n,o,r){let u=t("section",{});try{let{context:s}=await v(it,{},{token:e.token,tenantId:o}),a=s.roles.some(m=>m==="ADMIN"||m==="OWNER"),p=t("nav",{"aria-label":"Tenant"},q("Projects",{id:"tab-projects"},()=>{ue(e,u,o,a)}));a&&p.append(q("Members",{id:"tab-members"},()=>{ce(e,u,o)}),q("Routes",{id:"tab-routes"},()=>{ct(e,u,o)}),q("Audit log",{id:"tab-audit"},()=>{pt(e,u,o)})),n.replaceChildren(t("h2",{id:"tenant-name"},r),t("p",{id:"role"},`Your role: ${s.roles.join(", ")}`),p,u),ue(e,u,o,a)}catch(s){$(n,s)}}async function ct(e,n,o){Y();let r={token:e.token,tenantId:o},u=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),s=t("tbody",{}),a=async()=>{let{routes:y}=await v(rt,{},r);s.replaceChildren(...y.map(h=>t("tr",{},t("td",{},h.resourceKind),t("td",{},h.env),t("td",{},h.projectId??"tenant-wide"),t("td",{},h.backendType),t("td",{},h.config.map(E=>`${E.key}=${E.value}`).join(", ")),t("td",{},String(h.version)),t("td",{},h.updatedBy))))};try{await a()}catch(y){return $(n,y)}n.replaceChildren(t("h3",{},"Routes"),t("table",{id:"routes"},t("thead",{},t("tr",{},...["Kind","Env","Project","Backend","Config","Version","By"].map(y=>t("th",{scope:"col"},y)))),s),u);let p=_e(r),m=Ve(p,st,{},y=>{let h=y.routeChanged;u.textContent=`${h.resourceKind} (${h.env}) ${h.deleted?"deleted":`is at version ${h.version}`}`,a().catch(E=>$(u,E))},y=>$(u,y));ae=()=>{m(),p.dispose()}}async function ue(e,n,o,r){Y();let u={token:e.token,tenantId:o};try{let{projects:s}=await v(at,{},u),a=t("ul",{id:"projects"},...s.edges.map(({node:m})=>t("li",{},`${m.name} (version ${m.version})`))),p=[t("h3",{},"Projects"),a];if(r){let[m,y]=V("project-name","Name",{required:""}),h=t("div",{"aria-live":"polite"}),E=t("form",{id:"create-project"},m,y,t("button",{type:"submit"},"Create project"),h);E.addEventListener("submit",b=>{b.preventDefault(),v(ut,{input:{tenantId:o,name:y.value}},u).then(()=>ue(e,n,o,r),g=>$(h,g))}),p.push(E)}n.replaceChildren(...p)}catch(s){$(n,s)}}async function ce(e,n,o){Y();let r={token:e.token,tenantId:o};try{let{members:u,invitations:s}=await v(Ze,{},r),a=u.map(g=>t("tr",{},t("td",{},g.user?.email??g.userId),t("td",{},g.role))),p=s.map(g=>{let G=[t("td",{},g.email),t("td",{},g.role),t("td",{class:"status"},g.status),t("td",{},g.expiresAt)],N=t("td",{});return g.status==="PENDING"&&N.append(q("Revoke",{"aria-label":`Revoke the invitation of ${g.email}`},()=>{v(tt,{id:g.id},r).then(()=>ce(e,n,o),ee=>$(E,ee))})),t("tr",{},...G,N)}),[m,y]=V("invite-email","Email",{type:"email",required:""}),h=t("select",{id:"invite-role"},...ot.map(g=>t("option",g==="MEMBER"?{value:g,selected:""}:{value:g},g))),E=t("div",{"aria-live":"polite"}),b=t("form",{id:"invite"},t("h3",{},"Invite someone"),m,y,t("label",{for:"invite-role"},"Role"),h,t("button",{type:"submit"},"Invite"),E);b.addEventListener("submit",g=>{g.preventDefault(),v(et,{input:{tenantId:o,email:y.value,role:h.value}},r).then(()=>ce(e,n,o),G=>$(E,G))}),n.replaceChildren(t("h3",{},"Members"),t("table",{id:"members"},t("thead",{},t("tr",{},t("th",{scope:"col"},"Email"),t("th",{scope:"col"},"Role"))),t("tbody",{},...a)),t("h3",{},"Invitations"),t("table",{id:"invitations"},t("thead",{},t("tr",{},...["Email","Role","Status","Expires",""].map(g=>t("th",{scope:"col"},g)))),t("tbody",{},...p)),b)}catch(u){$(n,u)}}async function pt(e,n,o){Y();try{let{auditEvents:r}=await v(nt,{first:20},{token:e.token,tenantId:o}),u=r.edges.map(({node:s})=>t("tr",{},t("td",{},s.at),t("td",{class:"action"},s.action),t("td",{},`${s.targetType} ${s.targetId}`),t("td",{},s.actor.label??s.actor.id),t("td",{},s.changes.map(a=>`${a.field}: ${a.from??"\u2205"} \u2192 ${a.to??"\u2205"}`).join("; "))));n.replaceChildren(t("h3",{},"Audit log"),t("table",{id:"audit"},t("thead",{},t("tr",{},...["When","Action","Target","By","Changes"].map(s=>t("th",{scope:"col"},s)))),t("tbody",{},...u)))}catch(r){$(n,r)}}var lt=I(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`),dt=I(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),He=document.getElementById("app");function pe(){let[e,n]=V("email","Email",{type:"email",autocomplete:"username",required:""}),[o,r]=V("password","Password",{type:"password",autocomplete:"current-password",required:""}),[u,s]=V("tenant-name","New tenant (sign up only)",{type:"text"}),a=t("div",{"aria-live":"polite"}),p=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,r,t("button",{type:"submit"},"Sign in"),u,s,q("Sign up",{id:"sign-up"},()=>{qe(n.value,r.value,s.value).then(Z,m=>$(a,m))}),a);p.addEventListener("submit",m=>{m.preventDefault(),Ae(n.value,r.value).then(Z,y=>$(a,y))}),He.replaceChildren(p),n.focus()}async function Z(){let e=Pe();if(!e)return pe();let n=t("main",{});He.replaceChildren(t("header",{},t("span",{id:"who"},e.email),q("Sign out",{id:"sign-out"},()=>{Le().then(pe)})),n);try{let{tenants:o,myInvitations:r}=await v(lt,{},{token:e.token}),u=t("ul",{id:"tenants"},...o.map(p=>t("li",{},q(`${p.name} (${p.mode.name})`,{"data-tenant":p.id},()=>{Qe(e,n,p.id,p.name)})))),s=t("div",{"aria-live":"polite"}),a=t("ul",{id:"my-invitations"},...r.map(p=>t("li",{},`${p.role} in ${p.tenantId} `,q("Accept",{"data-invitation":p.id},()=>{v(dt,{id:p.id},{token:e.token}).then(Z,m=>$(s,m))}))));n.replaceChildren(t("h2",{},"Your tenants"),u,...r.length>0?[t("h2",{},"Invitations for you"),a,s]:[])}catch(o){$(n,o)}}Me().then(e=>e?Z():pe());
