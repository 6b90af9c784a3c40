var J=class extends Error{constructor(o,i,a){super(i);this.code=o;this.requestId=a}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}},Te=null;function Ke(e){Te=e}async function g(e,n,o={}){try{return await Qe(e,n,o)}catch(i){if(!(i instanceof J)||i.code!=="UNAUTHENTICATED"||!o.session||!Te||!await Te())throw i;return Qe(e,n,o)}}async function Qe(e,n,o){let i={"Content-Type":"application/json"};o.session&&(i.Authorization=`Bearer ${o.session.token}`),o.tenantId&&(i["X-Tenant-Id"]=o.tenantId),o.env&&(i["X-Env"]=o.env),o.projectId&&(i["X-Project-Id"]=o.projectId);let a=e.__meta__?.hash,s=a?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:a}}}:{query:e.toString(),variables:n},l;try{l=await fetch("/query",{method:"POST",headers:i,body:JSON.stringify(s)})}catch(P){throw new J("NETWORK",`the API did not answer: ${String(P)}`,"")}let m=l.headers.get("X-Request-Id")??"",c;try{c=await l.json()}catch{throw new J(`HTTP_${l.status}`,"the API answered something that is not GraphQL",m)}let d=c.errors?.[0];if(d)throw new J(d.extensions?.code??"ERROR",d.message,m);if(c.data==null)throw new J(`HTTP_${l.status}`,"no data in the answer",m);return c.data}function t(e,n={},...o){let i=document.createElement(e);for(let[a,s]of Object.entries(n))i.setAttribute(a,s);return i.append(...o),i}function O(e,n,o){let i=t("button",{type:"button",...n},e);return i.addEventListener("click",o),i}function ie(e,n,o){let i=n["aria-label"]??e,a=`Confirm ${i.charAt(0).toLowerCase()}${i.slice(1)}`,s=0,l=0,m=()=>{window.clearTimeout(l),s=0,delete c.dataset.confirming,c.textContent=e,n["aria-label"]!==void 0&&c.setAttribute("aria-label",i)},c=O(e,n,d=>{if(s===0){s=performance.now(),c.dataset.confirming="",c.textContent=`Confirm ${e.toLowerCase()}`,n["aria-label"]!==void 0&&c.setAttribute("aria-label",a),rn(`Press again to confirm: ${i}`),l=window.setTimeout(m,1e4);return}if(d.detail>1||performance.now()-s<500)return;m();let P=o();P instanceof Promise&&(c.disabled=!0,P.finally(()=>{c.disabled=!1}))});return c.addEventListener("keydown",d=>{d.repeat&&(d.key==="Enter"||d.key===" ")&&d.preventDefault()}),c.addEventListener("blur",m),c}function rn(e){let n=document.getElementById("announce");n||(n=t("div",{id:"announce","aria-live":"polite",class:"visually-hidden"}),document.body.append(n)),n.textContent=e}function W(e){let n=new Date(e),o=Number.isNaN(n.getTime())?e:n.toLocaleString(void 0,{dateStyle:"medium",timeStyle:"short"});return t("time",{datetime:e,title:e},o)}function T(e,n){let o=n instanceof J?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function L(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}function F(e,n,o){let i=t("table",{id:e},t("thead",{},t("tr",{},...n.map(a=>t("th",{scope:"col"},a)))),t("tbody",{}));return de(i,o),i}function de(e,n,o=!1){let i=[...e.tHead?.rows[0]?.cells??[]].map(s=>s.textContent??"");for(let s of n)[...s.cells].forEach((l,m)=>{let c=i[m];c&&(l.dataset.label=c)});let a=e.tBodies[0]??e.createTBody();o?a.append(...n):a.replaceChildren(...n),e.deleteTFoot(),a.rows.length===0&&e.createTFoot().append(t("tr",{},t("td",{colspan:String(i.length),class:"meta"},"None.")))}function G(...e){return t("tr",{},...e.map(n=>t("td",{},n)))}function U(e={}){return t("div",{"aria-live":"polite",...e})}function B(e,n,o){e.addEventListener("submit",i=>{i.preventDefault(),n.replaceChildren(),o().catch(a=>T(n,a))})}function ee(e,n,o,i){let a=t("select",{id:e},...o.map(([s,l])=>t("option",s===i?{value:s,selected:""}:{value:s},l)));return[t("label",{for:e},n),a]}function he(e){let n=t("div",{},t("p",{},"Loading\u2026"));return e.replaceChildren(n),n}var Ce=["dev","staging","prod"];function le(e){return e.roles.some(n=>n==="ADMIN"||n==="OWNER")}function M(e){let n={session:e.session,tenantId:e.tenantId,env:e.env};return e.projectId&&(n.projectId=e.projectId),n}var Re=[];function $e(e){Re.push(e)}function ge(){let e=Re;Re=[];for(let n of e)n()}var v=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},_e=new v(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `,{hash:"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}),He=new v(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}),Be=new v(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}),Fe=new v(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `,{hash:"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}),We=new v(`
    query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
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
    `,{hash:"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}),Ge=new v(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `,{hash:"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}),ze=new v(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `,{hash:"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}),Ye=new v(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `,{hash:"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}),Xe=new v(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `,{hash:"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}),Je=new v(`
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
    tenantName
    role
    expiresAt
  }
}
    `,{hash:"sha256:d3f085774093e767df9c897ae30a53d69bf977857c313700337f1d0a1ec01e88"}),Ze=new v(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),et=new v(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `,{hash:"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}),tt=new v(`
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
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),nt=new v(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),ot=new v(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),rt=new v(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `,{hash:"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}),it=new v(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `,{hash:"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}),st=new v(`
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
    secretRefs
    version
    updatedBy
    updatedAt
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `,{hash:"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}),at=new v(`
    query ConsoleRouteAuthors {
  members {
    userId
    user {
      email
    }
  }
}
    `,{hash:"sha256:eac49af5696a78301a94f478953266e5526ef5de8da42c664f1d53fa05154d31"}),ut=new v(`
    query ConsoleResolveRoute($kind: String!) {
  route(resourceKind: $kind) {
    matchedScope
    route {
      tenantId
      env
      projectId
      backendType
      config {
        key
        value
      }
      version
    }
  }
}
    `,{hash:"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}),ct=new v(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `,{hash:"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}),pt=new v(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `,{hash:"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}),dt=new v(`
    query ConsoleRoutesPlan($file: String!) {
  routesPlan(file: $file) {
    resourceKind
    env
    projectId
    outcome
    changes {
      field
      from
      to
    }
  }
}
    `,{hash:"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}),lt=new v(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    projectId
    version
    deleted
  }
}
    `,{hash:"sha256:c5176f967beed53c4a4e906f7e3add45bd185aaa4fed88d5df95506c7098a765"}),mt=new v(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),ft=new v(`
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
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),gt=new v(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),yt=new v(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),ht=new v(`
    query ConsoleAllTenants($first: Int, $after: String, $search: String) {
  allTenants(first: $first, after: $after, search: $search) {
    edges {
      node {
        id
        name
        version
        createdAt
        mode {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `,{hash:"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}),Ct=new v(`
    mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
  setTenantMode(
    tenantId: $tenantId
    mode: $mode
    expectedVersion: $expectedVersion
  ) {
    id
    version
    mode {
      id
    }
  }
}
    `,{hash:"sha256:562385d272536001dec0d070d04f14523cd4c1ad400b6b721a9d90bc84501a8f"}),vt=new v(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `,{hash:"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}),bt=new v(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `,{hash:"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}),It=new v(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `,{hash:"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}),$t=new v(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `,{hash:"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}),St=new v(`
    query ConsoleRoles {
  context {
    roles
  }
  tenant {
    name
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `,{hash:"sha256:306d4900c2d9ff987e6ba8d9c6386fc646afd8d0f8ee3756c24503093ff10a4c"}),xt=new v(`
    query ConsoleTenant {
  tenant {
    id
    name
    version
    createdAt
    updatedAt
    mode {
      id
      name
      description
    }
  }
}
    `,{hash:"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}),At=new v(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}),Dt=new v(`
    query ConsoleProjects {
  projects(first: 100, includeArchived: true) {
    edges {
      node {
        id
        name
        version
        archived
      }
    }
  }
  surfaces {
    id
    tenantId
    name
    version
  }
  apps {
    id
    tenantId
    name
    version
  }
}
    `,{hash:"sha256:f0d24efef394f5d7b1d11820e515c3e2763a7f2795d122e0ff6966167e2d7cca"}),wt=new v(`
    mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:931b8056037b694a4bc10ec2865c5ac1a32f2859a81ead6de14f490effa985da"}),Tt=new v(`
    mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
  updateSurface(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:7b069dbad461d22c80a10e45dbb01f8511a25ebc00bb511587083726c011a771"}),Rt=new v(`
    mutation ConsoleUpdateApp($input: UpdateAppInput!) {
  updateApp(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:c07b1508762771e2a7c34a12548f926a4e545aacd8bbb11592eddfc847b61c48"}),Mt=new v(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}),Pt=new v(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}),kt=new v(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}),qt=new v(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `,{hash:"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}),jt=new v(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `,{hash:"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}),Et=new v(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `,{hash:"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}),Vt=new v(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `,{hash:"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"});var an={"\n  query ConsoleServiceAccounts {\n    serviceAccounts { id name scopes createdAt }\n  }\n":_e,"\n  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }\n  }\n":He,"\n  mutation ConsoleRotateServiceAccount($id: ID!) {\n    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }\n  }\n":Be,"\n  mutation ConsoleDeleteServiceAccount($id: ID!) {\n    deleteServiceAccount(id: $id)\n  }\n":Fe,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":We,"\n  query ConsoleThreads {\n    threads(first: 50) { id title createdAt lastSeq }\n  }\n":Ge,"\n  mutation ConsoleCreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) { id }\n  }\n":ze,"\n  mutation ConsolePost($input: PostMessageInput!) {\n    postMessage(input: $input) { seq }\n  }\n":Ye,"\n  subscription ConsoleFollow($threadId: ID!, $after: Int) {\n    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }\n  }\n":Xe,"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId tenantName role expiresAt }\n  }\n":Je,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":Ze,"\n  mutation ConsoleDecline($id: ID!) {\n    declineInvitation(id: $id)\n  }\n":et,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":tt,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":nt,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":ot,"\n  mutation ConsoleSetRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) { userId role version }\n  }\n":rt,"\n  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n":it,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":st,"\n  query ConsoleRouteAuthors {\n    members { userId user { email } }\n  }\n":at,"\n  query ConsoleResolveRoute($kind: String!) {\n    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }\n  }\n":ut,"\n  mutation ConsoleSetRoute($input: SetRouteInput!) {\n    setRoute(input: $input) { resourceKind version }\n  }\n":ct,"\n  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {\n    deleteRoute(input: $input)\n  }\n":pt,"\n  query ConsoleRoutesPlan($file: String!) {\n    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }\n  }\n":dt,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env projectId version deleted }\n  }\n":lt,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":mt,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":ft,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":gt,"\n  mutation ConsoleLogout {\n    logout\n  }\n":yt,"\n  query ConsoleAllTenants($first: Int, $after: String, $search: String) {\n    allTenants(first: $first, after: $after, search: $search) {\n      edges { node { id name version createdAt mode { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":ht,"\n  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {\n    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }\n  }\n":Ct,"\n  query ConsoleModes {\n    modes { id name description version }\n  }\n":vt,"\n  mutation ConsoleCreateMode($input: CreateModeInput!) {\n    createMode(input: $input) { id }\n  }\n":bt,"\n  mutation ConsoleUpdateMode($input: UpdateModeInput!) {\n    updateMode(input: $input) { id version }\n  }\n":It,"\n  mutation ConsoleDeleteMode($id: ID!) {\n    deleteMode(id: $id)\n  }\n":$t,"\n  query ConsoleRoles {\n    context { roles }\n    tenant { name }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":St,"\n  query ConsoleTenant {\n    tenant { id name version createdAt updatedAt mode { id name description } }\n  }\n":xt,"\n  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) { id name version }\n  }\n":At,"\n  query ConsoleProjects {\n    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }\n    surfaces { id tenantId name version }\n    apps { id tenantId name version }\n  }\n":Dt,"\n  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { id name version }\n  }\n":wt,"\n  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {\n    updateSurface(input: $input) { id name version }\n  }\n":Tt,"\n  mutation ConsoleUpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) { id name version }\n  }\n":Rt,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":Mt,"\n  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {\n    archiveProject(input: $input) { id archived }\n  }\n":Pt,"\n  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {\n    unarchiveProject(input: $input) { id archived }\n  }\n":kt,"\n  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {\n    createSurface(input: $input) { id }\n  }\n":qt,"\n  mutation ConsoleDeleteSurface($id: ID!) {\n    deleteSurface(id: $id)\n  }\n":jt,"\n  mutation ConsoleCreateApp($input: CreateAppInput!) {\n    createApp(input: $input) { id }\n  }\n":Et,"\n  mutation ConsoleDeleteApp($id: ID!) {\n    deleteApp(id: $id)\n  }\n":Vt};function y(e){return an[e]??{}}var un=y(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),cn=y(`
  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }
  }
`),Lt=y(`
  query ConsoleModes {
    modes { id name description version }
  }
`),pn=y(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`),dn=y(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`),ln=y(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`),me={tenantId:"t_system"};async function Me(e,n){history.replaceState(null,"","#system");let o=he(n),i=t("section",{}),a=t("section",{});o.replaceChildren(t("h2",{},"System"),i,a),await Promise.all([mn(e,i),Ut(e,a)])}async function mn(e,n){let[o,i]=L("tenant-search","Search by name or id",{type:"search"}),a=U({id:"all-tenants-status"}),s=F("all-tenants",["Name","Id","Mode","Version","Created"],[]),l=t("div",{class:"pager"}),m=[],c=null,d="",P=g(Lt,{},{session:e,...me}),A=async r=>{let[{allTenants:f},{modes:S}]=await Promise.all([g(un,{first:20,after:r,search:d||null},{session:e,...me}),P]);c=r,de(s,f.edges.map(({node:p})=>{let[,b]=ee(`mode-of-${p.id}`,"",S.map(E=>[E.id,E.name]),p.mode.id);b.setAttribute("aria-label",`Mode of ${p.name}`);let R=async()=>{let E;try{await g(cn,{tenantId:p.id,mode:b.value,expectedVersion:p.version},{session:e,...me})}catch(_){E=_}await A(c),E!==void 0&&T(a,E)};return b.addEventListener("change",()=>{R().catch(E=>T(a,E))}),G(p.name,p.id,b,String(p.version),W(p.createdAt))}));let D=f.pageInfo.endCursor??null;l.replaceChildren(...m.length>0?[O("Previous page",{id:"tenants-previous"},()=>{A(m.pop()??null).catch(p=>T(a,p))})]:[],...f.pageInfo.hasNextPage?[O("Next page",{id:"tenants-next"},()=>{m.push(c),A(D).catch(p=>T(a,p))})]:[])},I=t("form",{id:"search-tenants",class:"inline",role:"search"},o,i,t("button",{type:"submit"},"Search"),a);B(I,a,()=>(m.length=0,d=i.value,A(null)));try{await A(null)}catch(r){return T(n,r)}n.replaceChildren(t("h3",{},"All tenants"),I,s,l)}async function Ut(e,n){let o=()=>Ut(e,n),i=U({id:"modes-status"});try{let{modes:a}=await g(Lt,{},{session:e,...me}),s=a.map(f=>{let S=t("input",{value:f.name,"aria-label":`Name of ${f.id}`}),D=t("input",{value:f.description??"","aria-label":`Description of ${f.id}`}),p=O("Save",{"aria-label":`Save ${f.id}`},()=>{g(dn,{input:{id:f.id,name:S.value,description:D.value||null,expectedVersion:f.version}},{session:e,...me}).then(o,R=>T(i,R))}),b=ie("Delete",{"aria-label":`Delete ${f.id}`},()=>g(ln,{id:f.id},{session:e,...me}).then(o,R=>T(i,R)));return G(f.id,S,D,String(f.version),t("span",{},p,b))}),[l,m]=L("mode-id","Id (a-z, 0-9, - and _)",{required:"",pattern:"[a-z0-9_\\-]{1,32}"}),[c,d]=L("mode-name","Name",{required:""}),[P,A]=L("mode-description","Description"),I=U(),r=t("form",{id:"create-mode"},t("h4",{},"New mode"),l,m,c,d,P,A,t("button",{type:"submit"},"Create mode"),I);B(r,I,()=>g(pn,{input:{id:m.value,name:d.value,description:A.value||null}},{session:e,...me}).then(o)),n.replaceChildren(t("h3",{},"Modes"),F("modes",["Id","Name","Description","Version",""],s),i,r)}catch(a){T(n,a)}}var fn=y(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),gn=y(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),yn=y(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),hn=y(`
  mutation ConsoleLogout {
    logout
  }
`),Se="northstar.refresh",ce=null;function ke(e){return e.refreshToken&&sessionStorage.setItem(Se,e.refreshToken),ce&&ce.userId===e.user.id?ce.token=e.token:ce={token:e.token,email:e.user.email,userId:e.user.id},ce}var Pe=null;Ke(()=>(Pe??=qe().then(e=>e!==null).finally(()=>{Pe=null}),Pe));function Nt(){return ce}async function Ot(e,n){let o=await g(fn,{input:{email:e,password:n}});return ke(o.login)}async function Qt(e,n,o){let i=await g(gn,{input:{email:e,password:n,tenantName:o}});return ke(i.signup)}async function qe(){let e=sessionStorage.getItem(Se);if(!e)return null;try{let n=await g(yn,{refreshToken:e});return ke(n.refreshSession)}catch{return sessionStorage.removeItem(Se),null}}async function Kt(){let e=ce;ce=null,sessionStorage.removeItem(Se),e&&await g(hn,{},{session:e}).catch(()=>{})}var Cn=y(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);async function _t(e,n){let[o,i]=L("audit-action","Action (e.g. route.set)"),[a,s]=L("audit-target","Target id"),l=U({id:"audit-status"}),m=F("audit",["When","Action","Target","By","Changes","Request"],[]),c=t("div",{}),d=t("form",{id:"audit-filters",class:"inline"},o,i,a,s,t("button",{type:"submit"},"Filter"),l),P=async A=>{let{auditEvents:I}=await g(Cn,{first:20,after:A,action:i.value||null,targetId:s.value||null},M(e));de(m,I.edges.map(({node:f})=>G(W(f.at),f.action,`${f.targetType} ${f.targetId}`,f.actor.label??f.actor.id,f.changes.map(S=>`${S.field}: ${S.from??"\u2205"} \u2192 ${S.to??"\u2205"}`).join("; "),f.requestId??"")),A!==null);let r=I.pageInfo.endCursor??null;c.replaceChildren(...I.pageInfo.hasNextPage?[O("Older events",{id:"audit-older"},()=>{P(r).catch(f=>T(l,f))})]:[])};B(d,l,()=>P(null));try{await P(null)}catch(A){return T(n,A)}n.replaceChildren(t("h3",{},"Audit log"),d,m,c)}var vn=y(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`),bn=y(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`),In=y(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`),$n=y(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`),Sn=["routes:read","chat:read","chat:write"];async function je(e,n,o){let i=s=>je(e,n,s),a=U({id:"accounts-status"});try{let{serviceAccounts:s}=await g(vn,{},M(e)),l=s.map(r=>G(r.name,r.id,r.scopes.join(", "),W(r.createdAt),t("span",{},ie("Rotate secret",{"aria-label":`Rotate the secret of ${r.name}`},()=>g(In,{id:r.id},M(e)).then(f=>i({name:f.rotateServiceAccountSecret.serviceAccount.name,...f.rotateServiceAccountSecret}),f=>T(a,f))),ie("Delete",{"aria-label":`Delete ${r.name}`},()=>g($n,{id:r.id},M(e)).then(()=>i(),f=>T(a,f)))))),[m,c]=L("account-name","Name",{required:""}),d=Sn.map(r=>t("input",{type:"checkbox",id:`scope-${r.replace(":","-")}`,value:r})),P=U(),A=t("form",{id:"create-account"},t("h3",{},"New service account"),m,c,t("fieldset",{},t("legend",{},"Scopes"),...d.map(r=>t("label",{},r,` ${r.value}`))),t("button",{type:"submit"},"Create"),P);B(A,P,async()=>{let r=d.filter(S=>S.checked).map(S=>S.value),{createServiceAccount:f}=await g(bn,{input:{tenantId:e.tenantId,name:c.value,scopes:r}},M(e));await i({name:f.serviceAccount.name,clientId:f.clientId,clientSecret:f.clientSecret})});let I=[t("h3",{},"Service accounts")];o&&I.push(t("div",{id:"account-secret",role:"status",class:"secret"},t("p",{},`The secret of ${o.name}, shown this once: copy it now.`),t("p",{},"Client id: ",t("code",{},o.clientId)),t("p",{},"Client secret: ",t("code",{id:"client-secret"},o.clientSecret)))),I.push(F("accounts",["Name","Client id","Scopes","Created",""],l),a,A),n.replaceChildren(...I)}catch(s){T(n,s)}}function Z(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function pe(e){return Z(e)==="object"}function xn(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function Ee(e,n){return e.length<124?e:n}var Ht="graphql-transport-ws";var te=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(te||{}),ne=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(ne||{});function Bt(e){if(!pe(e))throw new Error(`Message is expected to be an object, but got ${Z(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${Z(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!pe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Z(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!pe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Z(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${Z(e.payload.query)}`);if(e.payload.variables!=null&&!pe(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${Z(e.payload.variables)}`);if(e.payload.operationName!=null&&Z(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${Z(e.payload.operationName)}`);if(e.payload.extensions!=null&&!pe(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${Z(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Z(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!pe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Z(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Z(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!xn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Z(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Ft(e,n){return Bt(typeof e=="string"?JSON.parse(e,n):e)}function ye(e,n){return Bt(e),JSON.stringify(e,n)}function Le(e){let{url:n,connectionParams:o,lazy:i=!0,onNonLazyError:a=console.error,lazyCloseTimeout:s=0,keepAlive:l=0,disablePong:m,connectionAckWaitTimeout:c=0,retryAttempts:d=5,retryWait:P=async function(V){let x=Math.pow(2,V);await new Promise(q=>setTimeout(q,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:A=Ve,on:I,webSocketImpl:r,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,V=>{let x=Math.random()*16|0;return(V=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:S,jsonMessageReviver:D}=e,p;if(r){if(!Dn(r))throw new Error("Invalid WebSocket implementation provided");p=r}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let b=p,R=(()=>{let w=(()=>{let x={};return{on(q,Q){return x[q]=Q,()=>{delete x[q]}},emit(q){"id"in q&&x[q.id]?.(q)}}})(),V={connecting:I?.connecting?[I.connecting]:[],opened:I?.opened?[I.opened]:[],connected:I?.connected?[I.connected]:[],ping:I?.ping?[I.ping]:[],pong:I?.pong?[I.pong]:[],message:I?.message?[w.emit,I.message]:[w.emit],closed:I?.closed?[I.closed]:[],error:I?.error?[I.error]:[]};return{onMessage:w.on,on(x,q){let Q=V[x];return Q.push(q),()=>{let K=Q.indexOf(q);K>-1&&Q.splice(K,1)}},emit(x,...q){for(let Q of[...V[x]])Q(...q)}}})();function E(w){let V=[R.on("error",x=>{V.forEach(q=>q()),w(x)}),R.on("closed",x=>{V.forEach(q=>q()),w(x)})];return()=>V.forEach(x=>x())}let _,N=0,z,$=!1,H=0,oe=!1;async function X(){clearTimeout(z);let[w,V]=await(_??(_=new Promise((Q,K)=>(async()=>{if($){if(await P(H),!N)return _=void 0,K({code:1e3,reason:"All Subscriptions Gone"});H++}R.emit("connecting",$);let k=new b(typeof n=="function"?await n():n,Ht),re,ue;function fe(){isFinite(l)&&l>0&&(clearTimeout(ue),ue=setTimeout(()=>{k.readyState===b.OPEN&&(k.send(ye({type:ne.Ping})),R.emit("ping",!1,void 0))},l))}E(h=>{_=void 0,clearTimeout(re),clearTimeout(ue),K(h),h instanceof ve&&(k.close(4499,"Terminated"),k.onerror=null,k.onclose=null)}),k.onerror=h=>R.emit("error",h),k.onclose=h=>R.emit("closed",h),k.onopen=async()=>{try{R.emit("opened",k);let h=typeof o=="function"?await o():o;if(k.readyState!==b.OPEN)return;k.send(ye(h?{type:ne.ConnectionInit,payload:h}:{type:ne.ConnectionInit},S)),isFinite(c)&&c>0&&(re=setTimeout(()=>{k.close(te.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},c)),fe()}catch(h){R.emit("error",h),k.close(te.InternalClientError,Ee(h instanceof Error?h.message:String(h),"Internal client error"))}};let u=!1;k.onmessage=({data:h})=>{try{let C=Ft(h,D);if(R.emit("message",C),C.type==="ping"||C.type==="pong"){R.emit(C.type,!0,C.payload),C.type==="pong"?fe():m||(k.send(ye(C.payload?{type:ne.Pong,payload:C.payload}:{type:ne.Pong},S)),R.emit("pong",!1,C.payload));return}if(u)return;if(C.type!==ne.ConnectionAck)throw new Error(`First message cannot be of type ${C.type}`);clearTimeout(re),u=!0,R.emit("connected",k,C.payload,$),$=!1,H=0;let j=new Promise((se,we)=>E(we));j.catch(()=>{}),Q([k,j])}catch(C){k.onmessage=null,R.emit("error",C),k.close(te.BadResponse,Ee(C instanceof Error?C.message:String(C),"Bad response"))}}})())));w.readyState===b.CLOSING&&await V;let x=()=>{},q=new Promise(Q=>x=Q);return[w,x,new Promise((Q,K)=>{let k=E(K);w.readyState!==b.OPEN&&V.catch(K),q.then(()=>{if(k(),!N){let re=()=>w.close(1e3,"Normal Closure");isFinite(s)&&s>0?(clearTimeout(z),z=setTimeout(()=>{!N&&w.readyState===b.OPEN&&re()},s)):re()}Q()})})]}function ae(w){if(Ve(w)&&(An(w.code)||[te.InternalServerError,te.InternalClientError,te.BadRequest,te.BadResponse,te.Unauthorized,te.SubprotocolNotAcceptable,te.SubscriberAlreadyExists,te.TooManyInitialisationRequests].includes(w.code)))throw w;if(oe)return!1;if(Ve(w)&&w.code===1e3)return N>0;if(!d||H>=d||!A(w))throw w;return $=!0}i||(async()=>{for(N++;;)try{let[,,w]=await X();await w}catch(w){try{if(!ae(w))return}catch(V){return a?.(V)}}})();function Y(w,V){let x=f(w),q=!1,Q=!1,K=()=>{N--,q=!0};return(async()=>{for(N++;;)try{let[k,re,ue]=await X();if(q)return ue.catch(()=>{}),re();let fe=R.onMessage(x,u=>{switch(u.type){case ne.Next:{V.next(u.payload);return}case ne.Error:{Q=!0,q=!0,V.error(u.payload),K();return}case ne.Complete:{q=!0,K();return}}});k.send(ye({id:x,type:ne.Subscribe,payload:w},S)),K=()=>{!q&&k.readyState===b.OPEN&&k.send(ye({id:x,type:ne.Complete},S)),N--,q=!0,re()},await ue.finally(fe);return}catch(k){if(!ae(k))return}})().then(()=>{Q||V.complete()}).catch(k=>{V.error(k)}),()=>{q||K()}}return{on:R.on,subscribe:Y,iterate(w){let V=[],x={done:!1,error:null,resolve:()=>{}},q=Y(w,{next(K){V.push(K),x.resolve()},error(K){x.done=!0,x.error=K,x.resolve()},complete(){x.done=!0,x.resolve()}}),Q=(async function*(){for(;;){for(V.length||await new Promise(k=>x.resolve=k);V.length;)yield V.shift();if(x.error)throw x.error;if(x.done)return}})();return Q.throw=async K=>(x.done||(x.done=!0,x.error=K,x.resolve()),{done:!0,value:void 0}),Q.return=async()=>(q(),{done:!0,value:void 0}),Q},async dispose(){if(oe=!0,_){let[w]=await _;w.close(1e3,"Normal Closure")}},terminate(){_&&R.emit("closed",new ve)}}}var ve=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function Ve(e){return pe(e)&&"code"in e&&"reason"in e}function An(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Dn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function xe(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return Le({url:n,connectionParams:()=>({authorization:e.session?`Bearer ${e.session.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function Ae(e,n,o,i,a,s=()=>{}){let l=n.__meta__?.hash;return e.subscribe(l?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:l}}}:{query:n.toString(),variables:o},{next:m=>{let c=m.errors?.[0];c?a(new J(String(c.extensions?.code??"ERROR"),c.message,"")):m.data&&i(m.data)},error:m=>a(new J("SUBSCRIPTION",m instanceof Error?m.message:"the subscription ended with an error","")),complete:s})}var wn=y(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`),Tn=y(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`),Rn=y(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`),Mn=y(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`),Pn=50;async function Ue(e,n){if(!e.projectId){n.replaceChildren(t("p",{id:"chat-needs-project"},"Threads belong to a project: choose one in the context bar above."));return}try{let{threads:o}=await g(wn,{},M(e)),i=o.map(c=>G(O(c.title,{"data-thread":c.id},()=>{Wt(e,n,c.id,c.title,c.lastSeq)}),String(c.lastSeq),W(c.createdAt))),[a,s]=L("new-thread-title","Title",{required:""}),l=U(),m=t("form",{id:"create-thread"},a,s,t("button",{type:"submit"},"Start a thread"),l);B(m,l,async()=>{let{createThread:c}=await g(Tn,{input:{projectId:e.projectId,title:s.value}},M(e));await Wt(e,n,c.id,s.value,0)}),n.replaceChildren(t("h3",{},`Threads in ${e.env}`),F("threads",["Thread","Messages","Started"],i),m)}catch(o){T(n,o)}}async function Wt(e,n,o,i,a){let s=t("ol",{id:"messages","aria-live":"polite"}),l=t("p",{id:"chat-live"},"Connecting\u2026"),[m,c]=L("message-text","Message",{required:"",maxlength:"4000",autocomplete:"off"}),d=U(),P=t("form",{id:"post-message",class:"inline"},m,c,t("button",{type:"submit"},"Post"),d);if(B(P,d,async()=>{await g(Rn,{input:{threadId:o,text:c.value}},M(e)),c.value="",c.focus()}),n.replaceChildren(O("All threads",{id:"threads-back"},()=>{Ue(e,n)}),t("h3",{id:"thread-title"},i),s,l,P),c.focus(),!n.isConnected)return;let A=Math.max(0,a-Pn),I={threadId:o,after:A},r=xe(M(e));r.on("connected",()=>{l.textContent="Following."}),r.on("closed",()=>{l.textContent="Reconnecting\u2026"});let f=!1,S=()=>{},D=()=>{S=Ae(r,Mn,I,p=>{let b=p.messagePosted;if(b.seq<=A)return;A=b.seq,I.after=b.seq;let R=b.authorId===e.session.userId?"you":b.authorId;s.append(t("li",{"data-seq":String(b.seq)},t("span",{class:"meta"},`${R} \xB7 `,W(b.createdAt)," "),b.text))},p=>T(l,p),()=>{f||D()})};D(),$e(()=>{f=!0,S(),r.dispose()})}var kn=y(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),qn=y(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),jn=y(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),En=y(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`),Vn=y(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),Ln=["VIEWER","MEMBER","ADMIN","OWNER"],Gt=Ln.map(e=>[e,e]);async function De(e,n,o){let i=async()=>{await e.refresh(),await De(e,n)},a=U({id:"members-status"});o!==void 0&&T(a,o);let s=l=>l().then(i).catch(m=>T(a,m));try{let{members:l,invitations:m}=await g(kn,{},M(e)),c=l.map(D=>{let p=D.user?.email??D.userId,[,b]=ee(`role-${D.userId}`,"",Gt,D.role);b.setAttribute("aria-label",`Role of ${p}`),b.addEventListener("change",()=>{g(En,{input:{tenantId:e.tenantId,userId:D.userId,role:b.value,expectedVersion:D.version}},M(e)).then(i,E=>De(e,n,E)).catch(E=>T(a,E))});let R=ie("Remove",{"aria-label":`Remove ${p}`},()=>s(()=>g(Vn,{input:{tenantId:e.tenantId,userId:D.userId}},M(e))));return G(p,b,String(D.version),R)}),d=m.map(D=>{let p=D.status==="PENDING"?ie("Revoke",{"aria-label":`Revoke the invitation of ${D.email}`},()=>s(()=>g(jn,{id:D.id},M(e)))):"",b=G(D.email,D.role,D.status,W(D.expiresAt),p);return b.cells[2]?.setAttribute("class","status"),b}),[P,A]=L("invite-email","Email",{type:"email",required:""}),[I,r]=ee("invite-role","Role",Gt,"MEMBER"),f=U(),S=t("form",{id:"invite"},t("h3",{},"Invite someone"),P,A,I,r,t("button",{type:"submit"},"Invite"),f);B(S,f,()=>g(qn,{input:{tenantId:e.tenantId,email:A.value,role:r.value}},M(e)).then(i)),n.replaceChildren(t("h3",{},"Members"),F("members",["Email","Role","Version",""],c),a,t("h3",{},"Invitations"),F("invitations",["Email","Role","Status","Expires",""],d),S)}catch(l){T(n,l)}}var Un=y(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`),Nn=y(`
  query ConsoleRouteAuthors {
    members { userId user { email } }
  }
`),On=y(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`),Qn=y(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`),Kn=y(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`),_n=y(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`),Hn=y(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env projectId version deleted }
  }
`),zt=e=>e.map(n=>`${n.key}=${n.value}`).join(", "),Yt=(e,n,o,i)=>e.resourceKind===n&&e.env===o&&(e.projectId??"")===i;async function Xt(e,n){let o=[],i=[],a=F("routes",["Kind","Env","Project","Backend","Config","Version","Updated","By",""],[]),s=new Map,l=new Set,m=u=>s.get(u)??u,c=async()=>{let u=o.map(C=>C.updatedBy).filter(C=>!s.has(C)&&!l.has(C));if(u.length===0)return;u.forEach(C=>l.add(C));let h=await g(Nn,{},M(e)).catch(()=>null);for(let C of h?.members??[])C.user&&s.set(C.userId,C.user.email)},d=null,P=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),A=U({id:"routes-status"}),[I,r]=L("route-kind","Resource kind",{required:"",pattern:"[a-z0-9_]+"}),[f,S]=ee("route-env","Env",Ce.map(u=>[u,u]),e.env),[D,p]=ee("route-project","Project",[["","Tenant-wide"]],""),[b,R]=L("route-backend","Backend type",{required:""}),E=t("textarea",{id:"route-config",rows:"3",placeholder:"address=redis.internal:6379"}),_=t("textarea",{id:"route-secrets",rows:"2",placeholder:"password=file:///run/secrets/\u2026"}),N=t("input",{type:"hidden",id:"route-version",value:""}),z=t("p",{id:"route-editing"},"A new route (saving fails if one exists)."),$=U({id:"route-status"}),H=t("form",{id:"set-route"},t("h3",{},"Set a route"),z,I,r,f,S,D,p,b,R,t("label",{for:"route-config"},"Config (key=value per line)"),E,t("label",{for:"route-secrets"},"Secret references (name=reference per line)"),_,N,t("button",{type:"submit"},"Save route"),$),oe=u=>{r.value=u.resourceKind,S.value=u.env,p.value=u.projectId??"",R.value=u.backendType,E.value=u.config.map(h=>`${h.key}=${h.value}`).join(`
`),_.value=u.secretRefs.join(`
`),N.value=String(u.version),z.textContent=`Editing ${u.resourceKind} (${u.env}) at version ${u.version}.`,d={kind:u.resourceKind,env:u.env,projectId:u.projectId??""},r.focus()},X=u=>u.split(`
`).map(h=>h.trim()).filter(h=>h!==""),ae=()=>{de(a,o.map(u=>{let h={resourceKind:u.resourceKind,tenantId:e.tenantId,env:u.env,projectId:u.projectId,expectedVersion:u.version},C=t("span",{},O("Edit",{"aria-label":`Edit ${u.resourceKind} (${u.env})`},()=>oe(u)),ie("Delete",{"aria-label":`Delete ${u.resourceKind} (${u.env})`},()=>g(Kn,{input:h},M(e)).then(Y,j=>w(A,j,`${u.resourceKind} (${u.env})`))));return G(u.resourceKind,u.env,u.projectId??"tenant-wide",u.backendType,zt(u.config),String(u.version),W(u.updatedAt),t("span",{title:u.updatedBy},m(u.updatedBy)),C)}))},Y=async()=>{let u=await g(Un,{},M(e));o=u.routes,await c(),i=u.projects.edges.map(({node:j})=>[j.id,j.name]);let h=p.value,C=[["","Tenant-wide"],...i];p.replaceChildren(...C.map(([j,se])=>t("option",{value:j},se))),p.value=h,ae()},w=(u,h,C)=>{T(u,h),!(!(h instanceof J)||h.code!=="CONFLICT")&&Y().then(()=>{let j=o.find(we=>Yt(we,r.value,S.value,p.value)),se=j?`${C} is now at version ${j.version} (by ${m(j.updatedBy)}). Your edit is kept: save again to replace that version.`:`${C} no longer exists. Your edit is kept: save again to create it.`;N.value=j?String(j.version):"",z.textContent=j?`Editing ${j.resourceKind} (${j.env}) at version ${j.version}.`:"A new route (saving fails if one exists).",u.append(t("p",{class:"resolution"},se))})};B(H,$,async()=>{let u=X(E.value).map(C=>{let j=C.indexOf("=");return j<0?{key:C,value:""}:{key:C.slice(0,j).trim(),value:C.slice(j+1).trim()}}),h={resourceKind:r.value,tenantId:e.tenantId,env:S.value,projectId:p.value||null,backendType:R.value,config:u,secretRefs:X(_.value),expectedVersion:N.value?Number(N.value):null};try{let{setRoute:C}=await g(Qn,{input:h},M(e));$.replaceChildren(t("p",{},`Saved ${C.resourceKind} at version ${C.version}.`)),N.value=String(C.version),z.textContent=`Editing ${C.resourceKind} (${S.value}) at version ${C.version}.`,d={kind:C.resourceKind,env:S.value,projectId:p.value},await Y()}catch(C){w($,C,`${r.value} (${S.value})`)}});let[V,x]=L("resolve-kind","Resource kind",{required:""}),q=U({id:"resolved"}),Q=t("form",{id:"resolve-route"},t("h3",{},`Effective route in ${e.env}${e.projectId?", this project":""}`),V,x,t("button",{type:"submit"},"Resolve"),q);B(Q,q,async()=>{let{route:u}=await g(On,{kind:x.value},M(e)),h=u.route;q.replaceChildren(t("p",{},`${h.backendType} ${zt(h.config)} \u2014 matched at the ${u.matchedScope} scope (${h.tenantId}, ${h.env}${h.projectId?`, ${h.projectId}`:""}), version ${h.version}`))});let K=t("textarea",{id:"routes-file",rows:"6",required:"",placeholder:`routes:
  - {resourceKind: kpi, tenantId: \u2026, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}`}),k=U({id:"routes-plan"}),re=t("form",{id:"plan-routes"},t("h3",{},"Preview a routes file"),t("label",{for:"routes-file"},"Routes file (YAML, as for northstar routes apply)"),K,t("button",{type:"submit"},"Preview changes"),k);B(re,k,async()=>{let{routesPlan:u}=await g(_n,{file:K.value},M(e)),h=u.map(j=>G(j.outcome,j.resourceKind,j.env,j.projectId??"tenant-wide",j.changes.map(se=>`${se.field}: ${se.from??"\u2205"} \u2192 ${se.to??"\u2205"}`).join("; "))),C=["CREATE","UPDATE","UNCHANGED"].map(j=>`${u.filter(se=>se.outcome===j).length} ${j.toLowerCase()}`);k.replaceChildren(t("p",{},`Nothing was written: ${C.join(", ")}.`),F("plan",["Outcome","Kind","Env","Project","Changes"],h))});try{await Y()}catch(u){return T(n,u)}if(n.replaceChildren(Q,t("h3",{},"Routes"),a,P,A,H,re),!n.isConnected)return;let ue=xe({session:e.session,tenantId:e.tenantId}),fe=Ae(ue,Hn,{},u=>{let h=u.routeChanged;P.textContent=`${h.resourceKind} (${h.env}) ${h.deleted?"deleted":`is at version ${h.version}`}`,h.deleted&&d&&Yt(h,d.kind,d.env,d.projectId)&&N.value&&(N.value="",z.textContent=`${h.resourceKind} (${h.env}) was deleted. Your edit is kept: saving creates it again.`,d=null),Y().catch(C=>T(P,C))},u=>T(P,u));$e(()=>{fe(),ue.dispose()})}var Jt=y(`
  query ConsoleRoles {
    context { roles }
    tenant { name }
    projects(first: 100) { edges { node { id name } } }
  }
`),Bn=y(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`),Fn=y(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`),Wn=y(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id tenantId name version }
    apps { id tenantId name version }
  }
`),Gn=y(`
  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { id name version }
  }
`),zn=y(`
  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
    updateSurface(input: $input) { id name version }
  }
`),Yn=y(`
  mutation ConsoleUpdateApp($input: UpdateAppInput!) {
    updateApp(input: $input) { id name version }
  }
`),Xn=y(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`),Jn=y(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`),Zn=y(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`),eo=y(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`),to=y(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`),no=y(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`),oo=y(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`),en={id:"tab-projects",label:"Projects",adminOnly:!1,show:nn},Zt=[{id:"tab-overview",label:"Overview",adminOnly:!1,show:tn},en,{id:"tab-chat",label:"Chat",adminOnly:!1,show:Ue},{id:"tab-members",label:"Members",adminOnly:!0,show:De},{id:"tab-routes",label:"Routes",adminOnly:!0,show:Xt},{id:"tab-accounts",label:"Service accounts",adminOnly:!0,show:je},{id:"tab-audit",label:"Audit log",adminOnly:!0,show:_t}];async function be(e,n,o,i,a={}){ge();let s=he(n),l=i.find($=>$.id===o)?.name??o,m;try{m=await g(Jt,{},{session:e,tenantId:o})}catch($){return T(s,$)}if(!s.isConnected)return;let c=$=>m.projects.edges.some(({node:H})=>H.id===$),d={session:e,tenantId:o,tenantName:l,roles:m.context.roles,env:a.env&&Ce.includes(a.env)?a.env:"dev",projectId:a.projectId&&c(a.projectId)?a.projectId:"",refresh:async()=>{}},P=t("section",{id:"page"}),A=Zt.find($=>$.id===(a.tab??"tab-projects")&&(!$.adminOnly||le(d)))??en,I=t("nav",{"aria-label":"Tenant pages"}),r=$=>{ge(),A=$;let H=new URLSearchParams({tenant:o,tab:$.id,env:d.env});d.projectId&&H.set("project",d.projectId),history.replaceState(null,"",`#${H.toString()}`);for(let oe of I.querySelectorAll("button"))oe.removeAttribute("aria-current");I.querySelector(`#${$.id}`)?.setAttribute("aria-current","page"),$.show(d,he(P))};for(let $ of Zt)(!$.adminOnly||le(d))&&I.append(O($.label,{id:$.id},()=>r($)));let[f,S]=ee("context-tenant","Tenant",i.map($=>[$.id,$.name]),o);S.addEventListener("change",()=>{be(e,n,S.value,i,{tab:A.id,env:d.env})});let[D,p]=ee("context-env","Env",Ce.map($=>[$,$]),d.env);p.addEventListener("change",()=>{d.env=p.value,r(A)});let b=$=>[["","No project"],...$.projects.edges.map(({node:H})=>[H.id,H.name])],[R,E]=ee("context-project","Project",b(m),d.projectId);E.addEventListener("change",()=>{d.projectId=E.value,r(A)});let _=t("h2",{id:"tenant-name"},l),N=t("p",{id:"role"},`Your role: ${d.roles.join(", ")}`);d.refresh=async()=>{let $=await g(Jt,{},{session:e,tenantId:o}),H=le(d);if(d.tenantName=$.tenant.name,d.roles=$.context.roles,le(d)!==H)return be(e,n,o,i,{tab:A.id,env:d.env,projectId:d.projectId});_.textContent=$.tenant.name,N.textContent=`Your role: ${d.roles.join(", ")}`;let oe=i.find(Y=>Y.id===o);oe&&(oe.name=$.tenant.name);let X=[...S.options].find(Y=>Y.value===o);X&&(X.textContent=$.tenant.name);let ae=b($);E.replaceChildren(...ae.map(([Y,w])=>t("option",{value:Y},w))),E.value=d.projectId,ae.some(([Y])=>Y===d.projectId)||(d.projectId="",E.value="",r(A))};let z=t("div",{class:"context",role:"group","aria-label":"Context"},t("span",{},f,S),t("span",{},D,p),t("span",{},R,E));s.replaceChildren(z,_,N,I,P),r(A)}async function tn(e,n){try{let{tenant:o}=await g(Bn,{},M(e)),i=[t("h3",{},"Tenant"),t("dl",{id:"tenant"},t("dt",{},"Name"),t("dd",{},o.name),t("dt",{},"Id"),t("dd",{},o.id),t("dt",{},"Mode"),t("dd",{id:"tenant-mode"},`${o.mode.name} (${o.mode.id})${o.mode.description?` \u2014 ${o.mode.description}`:""}`),t("dt",{},"Version"),t("dd",{},String(o.version)),t("dt",{},"Created"),t("dd",{},W(o.createdAt)),t("dt",{},"Updated"),t("dd",{},W(o.updatedAt)))];if(le(e)){let[a,s]=L("tenant-rename","New name",{required:"",value:o.name}),l=U(),m=t("form",{id:"rename-tenant"},a,s,t("button",{type:"submit"},"Rename"),l);B(m,l,async()=>{await g(Fn,{input:{tenantId:e.tenantId,name:s.value,expectedVersion:o.version}},M(e)),await e.refresh(),await tn(e,n)}),i.push(m)}n.replaceChildren(...i)}catch(o){T(n,o)}}async function nn(e,n){let o=async()=>{await e.refresh(),await nn(e,n)},i=U({id:"projects-status"}),a=s=>()=>s().then(o).catch(l=>T(i,l));try{let{projects:s,surfaces:l,apps:m}=await g(Wn,{},M(e)),c=le(e),d=s.edges.map(({node:r})=>{let f=t("span",{});if(c){let S={input:{projectId:r.id,expectedVersion:r.version}};f.append(r.archived?O("Unarchive",{"aria-label":`Unarchive ${r.name}`},a(()=>g(Zn,S,M(e)))):O("Archive",{"aria-label":`Archive ${r.name}`},a(()=>g(Jn,S,M(e)))))}return G(r.name,r.id,r.archived?"archived":"active",String(r.version),f)}),P=r=>r.tenantId===e.tenantId,A=(r,f,S)=>f.map(D=>G(D.name,D.id,P(D)?String(D.version):`${D.version} (system-wide)`,c&&P(D)?ie("Delete",{"aria-label":`Delete the ${r} ${D.name}`},a(()=>S(D.id))):"")),I=[t("h3",{},"Projects"),F("projects",["Name","Id","State","Version",""],d),t("h3",{},"Surfaces"),F("surfaces",["Name","Id","Version",""],A("surface",l,r=>g(to,{id:r},M(e)))),t("h3",{},"Apps"),F("apps",["Name","Id","Version",""],A("app",m,r=>g(oo,{id:r},M(e)))),i];if(c){let r=(p,b,R)=>{let[E,_]=L(`${p}-name`,`${b} name`,{required:""}),N=U(),z=t("form",{id:p},E,_,t("button",{type:"submit"},`Create ${b.toLowerCase()}`),N);return B(z,N,()=>R(_.value).then(o)),z},f=(p,b,R,E)=>{if(R.length===0)return[];let[_,N]=ee(`${p}-which`,`${b} to rename`,R.map(X=>[X.id,X.name]),R[0]?.id??""),[z,$]=L(`${p}-name`,`New ${b.toLowerCase()} name`,{required:""}),H=U(),oe=t("form",{id:p},_,N,z,$,t("button",{type:"submit"},`Rename ${b.toLowerCase()}`),H);return B(oe,H,async()=>{let X=R.find(ae=>ae.id===N.value);X&&await E(X,$.value).then(o)}),[oe]},S=s.edges.map(({node:p})=>({id:p.id,name:p.name,version:p.version,tenantId:e.tenantId}));I.push(t("div",{class:"forms"},r("create-project","Project",p=>g(Xn,{input:{tenantId:e.tenantId,name:p}},M(e))),r("create-surface","Surface",p=>g(eo,{input:{tenantId:e.tenantId,name:p}},M(e))),r("create-app","App",p=>g(no,{input:{tenantId:e.tenantId,name:p}},M(e)))));let D=[...f("rename-project","Project",S,(p,b)=>g(Gn,{input:{projectId:p.id,name:b,expectedVersion:p.version}},M(e))),...f("rename-surface","Surface",l.filter(P),(p,b)=>g(zn,{input:{id:p.id,name:b,expectedVersion:p.version}},M(e))),...f("rename-app","App",m.filter(P),(p,b)=>g(Yn,{input:{id:p.id,name:b,expectedVersion:p.version}},M(e)))];D.length>0&&I.push(t("div",{class:"forms"},...D))}n.replaceChildren(...I)}catch(s){T(n,s)}}var ro=y(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId tenantName role expiresAt }
  }
`),io=y(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),so=y(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`),on=document.getElementById("app");function Oe(){let[e,n]=L("email","Email",{type:"email",autocomplete:"username",required:""}),[o,i]=L("password","Password",{type:"password",autocomplete:"current-password",required:""}),[a,s]=L("tenant-name","New tenant (sign up only)",{type:"text"}),l=t("div",{"aria-live":"polite"}),m=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,i,t("button",{type:"submit"},"Sign in"),a,s,O("Sign up",{id:"sign-up"},()=>{Qt(n.value,i.value,s.value).then(()=>Ie(),c=>T(l,c))}),l);m.addEventListener("submit",c=>{c.preventDefault(),Ot(n.value,i.value).then(()=>Ie(!0),d=>T(l,d))}),on.replaceChildren(m),n.focus()}function Ne(){history.replaceState(null,"",location.pathname+location.search)}async function Ie(e=!1){ge();let n=Nt();if(!n)return Oe();let o=new URLSearchParams(location.hash.slice(1));e||Ne();let i=t("main",{}),a=t("nav",{"aria-label":"Console",class:"top"},O("Tenants",{id:"home"},()=>{Ie()}));on.replaceChildren(t("header",{},t("span",{id:"who"},n.email),a,O("Sign out",{id:"sign-out"},()=>{Kt().then(()=>{Ne(),Oe()})})),i);try{let{tenants:s,myInvitations:l}=await g(ro,{},{session:n}),m=s.map(r=>({id:r.id,name:r.name}));s.some(r=>r.id==="t_system")&&a.append(O("System",{id:"system"},()=>{ge(),Me(n,i)}));let c=t("ul",{id:"tenants"},...s.map(r=>t("li",{},O(`${r.name} (${r.mode.name})`,{"data-tenant":r.id},()=>{be(n,i,r.id,m)}))));if(e&&o.has("system")&&s.some(r=>r.id==="t_system"))return Me(n,i);let d=o.get("tenant");if(e&&d&&m.some(r=>r.id===d))return be(n,i,d,m,{tab:o.get("tab")??void 0,env:o.get("env")??void 0,projectId:o.get("project")??void 0});Ne();let P=U(),A=r=>()=>{r().then(()=>Ie(),f=>T(P,f))},I=t("ul",{id:"my-invitations"},...l.map(r=>t("li",{},`${r.role} in ${r.tenantName} (${r.tenantId}), until `,W(r.expiresAt)," ",O("Accept",{"data-invitation":r.id},A(()=>g(io,{id:r.id},{session:n}))),O("Decline",{"aria-label":`Decline the invitation to ${r.tenantName}`},A(()=>g(so,{id:r.id},{session:n}))))));i.replaceChildren(t("h2",{},"Your tenants"),c,...l.length>0?[t("h2",{},"Invitations for you"),I,P]:[])}catch(s){T(i,s)}}qe().then(e=>e?Ie(!0):Oe());
