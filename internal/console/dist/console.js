var Y=class extends Error{constructor(o,i,d){super(i);this.code=o;this.requestId=d}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}},Ie=null;function Ve(e){Ie=e}async function g(e,n,o={}){try{return await Ee(e,n,o)}catch(i){if(!(i instanceof Y)||i.code!=="UNAUTHENTICATED"||!o.session||!Ie||!await Ie())throw i;return Ee(e,n,o)}}async function Ee(e,n,o){let i={"Content-Type":"application/json"};o.session&&(i.Authorization=`Bearer ${o.session.token}`),o.tenantId&&(i["X-Tenant-Id"]=o.tenantId),o.env&&(i["X-Env"]=o.env),o.projectId&&(i["X-Project-Id"]=o.projectId);let d=e.__meta__?.hash,a=d?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:d}}}:{query:e.toString(),variables:n},f;try{f=await fetch("/query",{method:"POST",headers:i,body:JSON.stringify(a)})}catch(A){throw new Y("NETWORK",`the API did not answer: ${String(A)}`,"")}let C=f.headers.get("X-Request-Id")??"",c;try{c=await f.json()}catch{throw new Y(`HTTP_${f.status}`,"the API answered something that is not GraphQL",C)}let h=c.errors?.[0];if(h)throw new Y(h.extensions?.code??"ERROR",h.message,C);if(c.data==null)throw new Y(`HTTP_${f.status}`,"no data in the answer",C);return c.data}function t(e,n={},...o){let i=document.createElement(e);for(let[d,a]of Object.entries(n))i.setAttribute(d,a);return i.append(...o),i}function j(e,n,o){let i=t("button",{type:"button",...n},e);return i.addEventListener("click",o),i}function w(e,n){let o=n instanceof Y?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function V(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}function G(e,n,o){return t("table",{id:e},t("thead",{},t("tr",{},...n.map(i=>t("th",{scope:"col"},i)))),t("tbody",{},...o),...o.length===0?[t("tfoot",{},t("tr",{},t("td",{colspan:String(n.length),class:"meta"},"None.")))]:[])}function H(...e){return t("tr",{},...e.map(n=>t("td",{},n)))}function U(e={}){return t("div",{"aria-live":"polite",...e})}function Q(e,n,o){e.addEventListener("submit",i=>{i.preventDefault(),n.replaceChildren(),o().catch(d=>w(n,d))})}function Z(e,n,o,i){let d=t("select",{id:e},...o.map(([a,f])=>t("option",a===i?{value:a,selected:""}:{value:a},f)));return[t("label",{for:e},n),d]}function de(e){let n=t("div",{},t("p",{},"Loading\u2026"));return e.replaceChildren(n),n}var le=["dev","staging","prod"];function me(e){return e.roles.some(n=>n==="ADMIN"||n==="OWNER")}function M(e){let n={session:e.session,tenantId:e.tenantId,env:e.env};return e.projectId&&(n.projectId=e.projectId),n}var $e=[];function ye(e){$e.push(e)}function ue(){let e=$e;$e=[];for(let n of e)n()}var $=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},Ue=new $(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `,{hash:"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}),Le=new $(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}),Ne=new $(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}),Oe=new $(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `,{hash:"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}),Qe=new $(`
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
    `,{hash:"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}),Ke=new $(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `,{hash:"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}),_e=new $(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `,{hash:"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}),He=new $(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `,{hash:"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}),Fe=new $(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `,{hash:"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}),Be=new $(`
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
    `,{hash:"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}),We=new $(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),Ge=new $(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `,{hash:"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}),ze=new $(`
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
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),Ye=new $(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),Xe=new $(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),Je=new $(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `,{hash:"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}),Ze=new $(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `,{hash:"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}),et=new $(`
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
    `,{hash:"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}),tt=new $(`
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
    `,{hash:"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}),nt=new $(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `,{hash:"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}),ot=new $(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `,{hash:"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}),rt=new $(`
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
    `,{hash:"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}),it=new $(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    version
    deleted
  }
}
    `,{hash:"sha256:999d04ee0ba6c5f51de9905db9d58b73046ef56a80f1e9556bbde56ed4ccd1f0"}),st=new $(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),at=new $(`
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
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),ct=new $(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),ut=new $(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),pt=new $(`
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
    `,{hash:"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}),dt=new $(`
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
    `,{hash:"sha256:562385d272536001dec0d070d04f14523cd4c1ad400b6b721a9d90bc84501a8f"}),lt=new $(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `,{hash:"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}),mt=new $(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `,{hash:"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}),ft=new $(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `,{hash:"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}),gt=new $(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `,{hash:"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}),yt=new $(`
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
    `,{hash:"sha256:306d4900c2d9ff987e6ba8d9c6386fc646afd8d0f8ee3756c24503093ff10a4c"}),ht=new $(`
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
    `,{hash:"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}),Ct=new $(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}),vt=new $(`
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
    `,{hash:"sha256:f0d24efef394f5d7b1d11820e515c3e2763a7f2795d122e0ff6966167e2d7cca"}),bt=new $(`
    mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:931b8056037b694a4bc10ec2865c5ac1a32f2859a81ead6de14f490effa985da"}),It=new $(`
    mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
  updateSurface(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:7b069dbad461d22c80a10e45dbb01f8511a25ebc00bb511587083726c011a771"}),$t=new $(`
    mutation ConsoleUpdateApp($input: UpdateAppInput!) {
  updateApp(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:c07b1508762771e2a7c34a12548f926a4e545aacd8bbb11592eddfc847b61c48"}),St=new $(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}),xt=new $(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}),Dt=new $(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}),At=new $(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `,{hash:"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}),Tt=new $(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `,{hash:"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}),wt=new $(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `,{hash:"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}),Mt=new $(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `,{hash:"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"});var Zt={"\n  query ConsoleServiceAccounts {\n    serviceAccounts { id name scopes createdAt }\n  }\n":Ue,"\n  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }\n  }\n":Le,"\n  mutation ConsoleRotateServiceAccount($id: ID!) {\n    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }\n  }\n":Ne,"\n  mutation ConsoleDeleteServiceAccount($id: ID!) {\n    deleteServiceAccount(id: $id)\n  }\n":Oe,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Qe,"\n  query ConsoleThreads {\n    threads(first: 50) { id title createdAt lastSeq }\n  }\n":Ke,"\n  mutation ConsoleCreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) { id }\n  }\n":_e,"\n  mutation ConsolePost($input: PostMessageInput!) {\n    postMessage(input: $input) { seq }\n  }\n":He,"\n  subscription ConsoleFollow($threadId: ID!, $after: Int) {\n    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }\n  }\n":Fe,"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n":Be,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":We,"\n  mutation ConsoleDecline($id: ID!) {\n    declineInvitation(id: $id)\n  }\n":Ge,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":ze,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":Ye,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":Xe,"\n  mutation ConsoleSetRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) { userId role version }\n  }\n":Je,"\n  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n":Ze,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":et,"\n  query ConsoleResolveRoute($kind: String!) {\n    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }\n  }\n":tt,"\n  mutation ConsoleSetRoute($input: SetRouteInput!) {\n    setRoute(input: $input) { resourceKind version }\n  }\n":nt,"\n  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {\n    deleteRoute(input: $input)\n  }\n":ot,"\n  query ConsoleRoutesPlan($file: String!) {\n    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }\n  }\n":rt,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n":it,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":st,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":at,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":ct,"\n  mutation ConsoleLogout {\n    logout\n  }\n":ut,"\n  query ConsoleAllTenants($first: Int, $after: String, $search: String) {\n    allTenants(first: $first, after: $after, search: $search) {\n      edges { node { id name version createdAt mode { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":pt,"\n  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {\n    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }\n  }\n":dt,"\n  query ConsoleModes {\n    modes { id name description version }\n  }\n":lt,"\n  mutation ConsoleCreateMode($input: CreateModeInput!) {\n    createMode(input: $input) { id }\n  }\n":mt,"\n  mutation ConsoleUpdateMode($input: UpdateModeInput!) {\n    updateMode(input: $input) { id version }\n  }\n":ft,"\n  mutation ConsoleDeleteMode($id: ID!) {\n    deleteMode(id: $id)\n  }\n":gt,"\n  query ConsoleRoles {\n    context { roles }\n    tenant { name }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":yt,"\n  query ConsoleTenant {\n    tenant { id name version createdAt updatedAt mode { id name description } }\n  }\n":ht,"\n  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) { id name version }\n  }\n":Ct,"\n  query ConsoleProjects {\n    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }\n    surfaces { id tenantId name version }\n    apps { id tenantId name version }\n  }\n":vt,"\n  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { id name version }\n  }\n":bt,"\n  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {\n    updateSurface(input: $input) { id name version }\n  }\n":It,"\n  mutation ConsoleUpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) { id name version }\n  }\n":$t,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":St,"\n  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {\n    archiveProject(input: $input) { id archived }\n  }\n":xt,"\n  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {\n    unarchiveProject(input: $input) { id archived }\n  }\n":Dt,"\n  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {\n    createSurface(input: $input) { id }\n  }\n":At,"\n  mutation ConsoleDeleteSurface($id: ID!) {\n    deleteSurface(id: $id)\n  }\n":Tt,"\n  mutation ConsoleCreateApp($input: CreateAppInput!) {\n    createApp(input: $input) { id }\n  }\n":wt,"\n  mutation ConsoleDeleteApp($id: ID!) {\n    deleteApp(id: $id)\n  }\n":Mt};function y(e){return Zt[e]??{}}var en=y(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),tn=y(`
  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }
  }
`),Rt=y(`
  query ConsoleModes {
    modes { id name description version }
  }
`),nn=y(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`),on=y(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`),rn=y(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`),ce={tenantId:"t_system"};async function Se(e,n){history.replaceState(null,"","#system");let o=de(n),i=t("section",{}),d=t("section",{});o.replaceChildren(t("h2",{},"System"),i,d),await Promise.all([sn(e,i),Pt(e,d)])}async function sn(e,n){let[o,i]=V("tenant-search","Search by name or id",{type:"search"}),d=U({id:"all-tenants-status"}),a=t("tbody",{}),f=t("p",{class:"meta",id:"all-tenants-none",hidden:""},"No tenant matches."),C=t("div",{class:"pager"}),c=[],h=null,A=async l=>{let[{allTenants:r},{modes:v}]=await Promise.all([g(en,{first:20,after:l,search:i.value||null},{session:e,...ce}),g(Rt,{},{session:e,...ce})]);h=l,a.replaceChildren(...r.edges.map(({node:b})=>{let[,S]=Z(`mode-of-${b.id}`,"",v.map(m=>[m.id,m.name]),b.mode.id);return S.setAttribute("aria-label",`Mode of ${b.name}`),S.addEventListener("change",()=>{g(tn,{tenantId:b.id,mode:S.value,expectedVersion:b.version},{session:e,...ce}).then(()=>A(h),m=>{S.value=b.mode.id,w(d,m)})}),H(b.name,b.id,S,String(b.version),b.createdAt)})),f.hidden=r.edges.length>0;let u=r.pageInfo.endCursor??null;C.replaceChildren(...c.length>0?[j("Previous page",{id:"tenants-previous"},()=>{A(c.pop()??null).catch(b=>w(d,b))})]:[],...r.pageInfo.hasNextPage?[j("Next page",{id:"tenants-next"},()=>{c.push(h),A(u).catch(b=>w(d,b))})]:[])},q=t("form",{id:"search-tenants",class:"inline",role:"search"},o,i,t("button",{type:"submit"},"Search"),d);Q(q,d,()=>(c.length=0,A(null)));try{await A(null)}catch(l){return w(n,l)}n.replaceChildren(t("h3",{},"All tenants"),q,t("table",{id:"all-tenants"},t("thead",{},t("tr",{},...["Name","Id","Mode","Version","Created"].map(l=>t("th",{scope:"col"},l)))),a),f,C)}async function Pt(e,n){let o=()=>Pt(e,n),i=U({id:"modes-status"});try{let{modes:d}=await g(Rt,{},{session:e,...ce}),a=d.map(v=>{let u=t("input",{value:v.name,"aria-label":`Name of ${v.id}`}),b=t("input",{value:v.description??"","aria-label":`Description of ${v.id}`}),S=j("Save",{"aria-label":`Save ${v.id}`},()=>{g(on,{input:{id:v.id,name:u.value,description:b.value||null,expectedVersion:v.version}},{session:e,...ce}).then(o,x=>w(i,x))}),m=j("Delete",{"aria-label":`Delete ${v.id}`},()=>{g(rn,{id:v.id},{session:e,...ce}).then(o,x=>w(i,x))});return H(v.id,u,b,String(v.version),t("span",{},S,m))}),[f,C]=V("mode-id","Id (a-z, 0-9, - and _)",{required:"",pattern:"[a-z0-9_\\-]{1,32}"}),[c,h]=V("mode-name","Name",{required:""}),[A,q]=V("mode-description","Description"),l=U(),r=t("form",{id:"create-mode"},t("h4",{},"New mode"),f,C,c,h,A,q,t("button",{type:"submit"},"Create mode"),l);Q(r,l,()=>g(nn,{input:{id:C.value,name:h.value,description:q.value||null}},{session:e,...ce}).then(o)),n.replaceChildren(t("h3",{},"Modes"),G("modes",["Id","Name","Description","Version",""],a),i,r)}catch(d){w(n,d)}}var an=y(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),cn=y(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),un=y(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),pn=y(`
  mutation ConsoleLogout {
    logout
  }
`),he="northstar.refresh",se=null;function De(e){return e.refreshToken&&sessionStorage.setItem(he,e.refreshToken),se&&se.userId===e.user.id?se.token=e.token:se={token:e.token,email:e.user.email,userId:e.user.id},se}var xe=null;Ve(()=>(xe??=Ae().then(e=>e!==null).finally(()=>{xe=null}),xe));function kt(){return se}async function qt(e,n){let o=await g(an,{input:{email:e,password:n}});return De(o.login)}async function jt(e,n,o){let i=await g(cn,{input:{email:e,password:n,tenantName:o}});return De(i.signup)}async function Ae(){let e=sessionStorage.getItem(he);if(!e)return null;try{let n=await g(un,{refreshToken:e});return De(n.refreshSession)}catch{return sessionStorage.removeItem(he),null}}async function Et(){let e=se;se=null,sessionStorage.removeItem(he),e&&await g(pn,{},{session:e}).catch(()=>{})}var dn=y(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);async function Vt(e,n){let[o,i]=V("audit-action","Action (e.g. route.set)"),[d,a]=V("audit-target","Target id"),f=U({id:"audit-status"}),C=t("tbody",{}),c=t("div",{}),h=t("form",{id:"audit-filters",class:"inline"},o,i,d,a,t("button",{type:"submit"},"Filter"),f),A=async l=>{let{auditEvents:r}=await g(dn,{first:20,after:l,action:i.value||null,targetId:a.value||null},M(e));C.append(...r.edges.map(({node:u})=>H(u.at,u.action,`${u.targetType} ${u.targetId}`,u.actor.label??u.actor.id,u.changes.map(b=>`${b.field}: ${b.from??"\u2205"} \u2192 ${b.to??"\u2205"}`).join("; "),u.requestId??"")));let v=r.pageInfo.endCursor??null;c.replaceChildren(...r.pageInfo.hasNextPage?[j("Older events",{id:"audit-older"},()=>{A(v).catch(u=>w(f,u))})]:[])};Q(h,f,()=>(C.replaceChildren(),A(null)));try{await A(null)}catch(l){return w(n,l)}let q=t("table",{id:"audit"},t("thead",{},t("tr",{},...["When","Action","Target","By","Changes","Request"].map(l=>t("th",{scope:"col"},l)))),C);n.replaceChildren(t("h3",{},"Audit log"),h,q,c)}var ln=y(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`),mn=y(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`),fn=y(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`),gn=y(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`),yn=["routes:read","chat:read","chat:write"];async function Te(e,n,o){let i=a=>Te(e,n,a),d=U({id:"accounts-status"});try{let{serviceAccounts:a}=await g(ln,{},M(e)),f=a.map(r=>H(r.name,r.id,r.scopes.join(", "),r.createdAt,t("span",{},j("Rotate secret",{"aria-label":`Rotate the secret of ${r.name}`},()=>{g(fn,{id:r.id},M(e)).then(v=>i({name:v.rotateServiceAccountSecret.serviceAccount.name,...v.rotateServiceAccountSecret}),v=>w(d,v))}),j("Delete",{"aria-label":`Delete ${r.name}`},()=>{g(gn,{id:r.id},M(e)).then(()=>i(),v=>w(d,v))})))),[C,c]=V("account-name","Name",{required:""}),h=yn.map(r=>t("input",{type:"checkbox",id:`scope-${r.replace(":","-")}`,value:r})),A=U(),q=t("form",{id:"create-account"},t("h3",{},"New service account"),C,c,t("fieldset",{},t("legend",{},"Scopes"),...h.map(r=>t("label",{},r,` ${r.value}`))),t("button",{type:"submit"},"Create"),A);Q(q,A,async()=>{let r=h.filter(u=>u.checked).map(u=>u.value),{createServiceAccount:v}=await g(mn,{input:{tenantId:e.tenantId,name:c.value,scopes:r}},M(e));await i({name:v.serviceAccount.name,clientId:v.clientId,clientSecret:v.clientSecret})});let l=[t("h3",{},"Service accounts")];o&&l.push(t("div",{id:"account-secret",role:"status",class:"secret"},t("p",{},`The secret of ${o.name}, shown this once: copy it now.`),t("p",{},"Client id: ",t("code",{},o.clientId)),t("p",{},"Client secret: ",t("code",{id:"client-secret"},o.clientSecret)))),l.push(G("accounts",["Name","Client id","Scopes","Created",""],f),d,q),n.replaceChildren(...l)}catch(a){w(n,a)}}function X(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ae(e){return X(e)==="object"}function hn(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function we(e,n){return e.length<124?e:n}var Ut="graphql-transport-ws";var ee=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(ee||{}),te=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(te||{});function Lt(e){if(!ae(e))throw new Error(`Message is expected to be an object, but got ${X(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${X(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${X(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${X(e.payload.query)}`);if(e.payload.variables!=null&&!ae(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${X(e.payload.variables)}`);if(e.payload.operationName!=null&&X(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${X(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ae(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${X(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${X(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!hn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Nt(e,n){return Lt(typeof e=="string"?JSON.parse(e,n):e)}function pe(e,n){return Lt(e),JSON.stringify(e,n)}function Re(e){let{url:n,connectionParams:o,lazy:i=!0,onNonLazyError:d=console.error,lazyCloseTimeout:a=0,keepAlive:f=0,disablePong:C,connectionAckWaitTimeout:c=0,retryAttempts:h=5,retryWait:A=async function(E){let D=Math.pow(2,E);await new Promise(k=>setTimeout(k,D*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:q=Me,on:l,webSocketImpl:r,generateID:v=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,E=>{let D=Math.random()*16|0;return(E=="x"?D:D&3|8).toString(16)})},jsonMessageReplacer:u,jsonMessageReviver:b}=e,S;if(r){if(!vn(r))throw new Error("Invalid WebSocket implementation provided");S=r}else typeof WebSocket<"u"?S=WebSocket:typeof global<"u"?S=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(S=window.WebSocket||window.MozWebSocket);if(!S)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let m=S,x=(()=>{let T=(()=>{let D={};return{on(k,L){return D[k]=L,()=>{delete D[k]}},emit(k){"id"in k&&D[k.id]?.(k)}}})(),E={connecting:l?.connecting?[l.connecting]:[],opened:l?.opened?[l.opened]:[],connected:l?.connected?[l.connected]:[],ping:l?.ping?[l.ping]:[],pong:l?.pong?[l.pong]:[],message:l?.message?[T.emit,l.message]:[T.emit],closed:l?.closed?[l.closed]:[],error:l?.error?[l.error]:[]};return{onMessage:T.on,on(D,k){let L=E[D];return L.push(k),()=>{let s=L.indexOf(k);s>-1&&L.splice(s,1)}},emit(D,...k){for(let L of[...E[D]])L(...k)}}})();function _(T){let E=[x.on("error",D=>{E.forEach(k=>k()),T(D)}),x.on("closed",D=>{E.forEach(k=>k()),T(D)})];return()=>E.forEach(D=>D())}let B,K=0,J,I=!1,N=0,ne=!1;async function oe(){clearTimeout(J);let[T,E]=await(B??(B=new Promise((L,s)=>(async()=>{if(I){if(await A(N),!K)return B=void 0,s({code:1e3,reason:"All Subscriptions Gone"});N++}x.emit("connecting",I);let p=new m(typeof n=="function"?await n():n,Ut),P,R;function z(){isFinite(f)&&f>0&&(clearTimeout(R),R=setTimeout(()=>{p.readyState===m.OPEN&&(p.send(pe({type:te.Ping})),x.emit("ping",!1,void 0))},f))}_(W=>{B=void 0,clearTimeout(P),clearTimeout(R),s(W),W instanceof fe&&(p.close(4499,"Terminated"),p.onerror=null,p.onclose=null)}),p.onerror=W=>x.emit("error",W),p.onclose=W=>x.emit("closed",W),p.onopen=async()=>{try{x.emit("opened",p);let W=typeof o=="function"?await o():o;if(p.readyState!==m.OPEN)return;p.send(pe(W?{type:te.ConnectionInit,payload:W}:{type:te.ConnectionInit},u)),isFinite(c)&&c>0&&(P=setTimeout(()=>{p.close(ee.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},c)),z()}catch(W){x.emit("error",W),p.close(ee.InternalClientError,we(W instanceof Error?W.message:String(W),"Internal client error"))}};let ie=!1;p.onmessage=({data:W})=>{try{let F=Nt(W,b);if(x.emit("message",F),F.type==="ping"||F.type==="pong"){x.emit(F.type,!0,F.payload),F.type==="pong"?z():C||(p.send(pe(F.payload?{type:te.Pong,payload:F.payload}:{type:te.Pong},u)),x.emit("pong",!1,F.payload));return}if(ie)return;if(F.type!==te.ConnectionAck)throw new Error(`First message cannot be of type ${F.type}`);clearTimeout(P),ie=!0,x.emit("connected",p,F.payload,I),I=!1,N=0;let je=new Promise((Zn,Xt)=>_(Xt));je.catch(()=>{}),L([p,je])}catch(F){p.onmessage=null,x.emit("error",F),p.close(ee.BadResponse,we(F instanceof Error?F.message:String(F),"Bad response"))}}})())));T.readyState===m.CLOSING&&await E;let D=()=>{},k=new Promise(L=>D=L);return[T,D,new Promise((L,s)=>{let p=_(s);T.readyState!==m.OPEN&&E.catch(s),k.then(()=>{if(p(),!K){let P=()=>T.close(1e3,"Normal Closure");isFinite(a)&&a>0?(clearTimeout(J),J=setTimeout(()=>{!K&&T.readyState===m.OPEN&&P()},a)):P()}L()})})]}function O(T){if(Me(T)&&(Cn(T.code)||[ee.InternalServerError,ee.InternalClientError,ee.BadRequest,ee.BadResponse,ee.Unauthorized,ee.SubprotocolNotAcceptable,ee.SubscriberAlreadyExists,ee.TooManyInitialisationRequests].includes(T.code)))throw T;if(ne)return!1;if(Me(T)&&T.code===1e3)return K>0;if(!h||N>=h||!q(T))throw T;return I=!0}i||(async()=>{for(K++;;)try{let[,,T]=await oe();await T}catch(T){try{if(!O(T))return}catch(E){return d?.(E)}}})();function re(T,E){let D=v(T),k=!1,L=!1,s=()=>{K--,k=!0};return(async()=>{for(K++;;)try{let[p,P,R]=await oe();if(k)return R.catch(()=>{}),P();let z=x.onMessage(D,ie=>{switch(ie.type){case te.Next:{E.next(ie.payload);return}case te.Error:{L=!0,k=!0,E.error(ie.payload),s();return}case te.Complete:{k=!0,s();return}}});p.send(pe({id:D,type:te.Subscribe,payload:T},u)),s=()=>{!k&&p.readyState===m.OPEN&&p.send(pe({id:D,type:te.Complete},u)),K--,k=!0,P()},await R.finally(z);return}catch(p){if(!O(p))return}})().then(()=>{L||E.complete()}).catch(p=>{E.error(p)}),()=>{k||s()}}return{on:x.on,subscribe:re,iterate(T){let E=[],D={done:!1,error:null,resolve:()=>{}},k=re(T,{next(s){E.push(s),D.resolve()},error(s){D.done=!0,D.error=s,D.resolve()},complete(){D.done=!0,D.resolve()}}),L=(async function*(){for(;;){for(E.length||await new Promise(p=>D.resolve=p);E.length;)yield E.shift();if(D.error)throw D.error;if(D.done)return}})();return L.throw=async s=>(D.done||(D.done=!0,D.error=s,D.resolve()),{done:!0,value:void 0}),L.return=async()=>(k(),{done:!0,value:void 0}),L},async dispose(){if(ne=!0,B){let[T]=await B;T.close(1e3,"Normal Closure")}},terminate(){B&&x.emit("closed",new fe)}}}var fe=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function Me(e){return ae(e)&&"code"in e&&"reason"in e}function Cn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function vn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Ce(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return Re({url:n,connectionParams:()=>({authorization:e.session?`Bearer ${e.session.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function ve(e,n,o,i,d,a=()=>{}){let f=n.__meta__?.hash;return e.subscribe(f?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:f}}}:{query:n.toString(),variables:o},{next:C=>{let c=C.errors?.[0];c?d(new Y(String(c.extensions?.code??"ERROR"),c.message,"")):C.data&&i(C.data)},error:C=>d(new Y("SUBSCRIPTION",C instanceof Error?C.message:"the subscription ended with an error","")),complete:a})}var bn=y(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`),In=y(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`),$n=y(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`),Sn=y(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`),xn=50;async function Pe(e,n){if(!e.projectId){n.replaceChildren(t("p",{id:"chat-needs-project"},"Threads belong to a project: choose one in the context bar above."));return}try{let{threads:o}=await g(bn,{},M(e)),i=o.map(c=>H(j(c.title,{"data-thread":c.id},()=>{Ot(e,n,c.id,c.title,c.lastSeq)}),String(c.lastSeq),c.createdAt)),[d,a]=V("new-thread-title","Title",{required:""}),f=U(),C=t("form",{id:"create-thread"},d,a,t("button",{type:"submit"},"Start a thread"),f);Q(C,f,async()=>{let{createThread:c}=await g(In,{input:{projectId:e.projectId,title:a.value}},M(e));await Ot(e,n,c.id,a.value,0)}),n.replaceChildren(t("h3",{},`Threads in ${e.env}`),G("threads",["Thread","Messages","Started"],i),C)}catch(o){w(n,o)}}async function Ot(e,n,o,i,d){let a=t("ol",{id:"messages","aria-live":"polite"}),f=t("p",{id:"chat-live"},"Connecting\u2026"),[C,c]=V("message-text","Message",{required:"",maxlength:"4000",autocomplete:"off"}),h=U(),A=t("form",{id:"post-message",class:"inline"},C,c,t("button",{type:"submit"},"Post"),h);if(Q(A,h,async()=>{await g($n,{input:{threadId:o,text:c.value}},M(e)),c.value="",c.focus()}),n.replaceChildren(j("All threads",{id:"threads-back"},()=>{Pe(e,n)}),t("h3",{id:"thread-title"},i),a,f,A),c.focus(),!n.isConnected)return;let q=Math.max(0,d-xn),l={threadId:o,after:q},r=Ce(M(e));r.on("connected",()=>{f.textContent="Following."}),r.on("closed",()=>{f.textContent="Reconnecting\u2026"});let v=!1,u=()=>{},b=()=>{u=ve(r,Sn,l,S=>{let m=S.messagePosted;if(m.seq<=q)return;q=m.seq,l.after=m.seq;let x=m.authorId===e.session.userId?"you":m.authorId;a.append(t("li",{"data-seq":String(m.seq)},t("span",{class:"meta"},`${x} \xB7 ${m.createdAt} `),m.text))},S=>w(f,S),()=>{v||b()})};b(),ye(()=>{v=!0,u(),r.dispose()})}var Dn=y(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),An=y(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),Tn=y(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),wn=y(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`),Mn=y(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),Rn=["VIEWER","MEMBER","ADMIN","OWNER"],Qt=Rn.map(e=>[e,e]);async function ke(e,n){let o=async()=>{await Promise.all([e.refresh(),ke(e,n)])},i=U({id:"members-status"}),d=a=>{a().then(o,f=>w(i,f))};try{let{members:a,invitations:f}=await g(Dn,{},M(e)),C=a.map(u=>{let b=u.user?.email??u.userId,[,S]=Z(`role-${u.userId}`,"",Qt,u.role);S.setAttribute("aria-label",`Role of ${b}`),S.addEventListener("change",()=>{g(wn,{input:{tenantId:e.tenantId,userId:u.userId,role:S.value,expectedVersion:u.version}},M(e)).then(o,x=>{S.value=u.role,w(i,x)})});let m=j("Remove",{"aria-label":`Remove ${b}`},()=>d(()=>g(Mn,{input:{tenantId:e.tenantId,userId:u.userId}},M(e))));return H(b,S,String(u.version),m)}),c=f.map(u=>{let b=u.status==="PENDING"?j("Revoke",{"aria-label":`Revoke the invitation of ${u.email}`},()=>d(()=>g(Tn,{id:u.id},M(e)))):"",S=H(u.email,u.role,u.status,u.expiresAt,b);return S.cells[2]?.setAttribute("class","status"),S}),[h,A]=V("invite-email","Email",{type:"email",required:""}),[q,l]=Z("invite-role","Role",Qt,"MEMBER"),r=U(),v=t("form",{id:"invite"},t("h3",{},"Invite someone"),h,A,q,l,t("button",{type:"submit"},"Invite"),r);Q(v,r,()=>g(An,{input:{tenantId:e.tenantId,email:A.value,role:l.value}},M(e)).then(o)),n.replaceChildren(t("h3",{},"Members"),G("members",["Email","Role","Version",""],C),i,t("h3",{},"Invitations"),G("invitations",["Email","Role","Status","Expires",""],c),v)}catch(a){w(n,a)}}var Pn=y(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`),kn=y(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`),qn=y(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`),jn=y(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`),En=y(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`),Vn=y(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env version deleted }
  }
`),Kt=e=>e.map(n=>`${n.key}=${n.value}`).join(", "),_t=(e,n,o,i)=>e.resourceKind===n&&e.env===o&&(e.projectId??"")===i;async function Ht(e,n){let o=[],i=[],d=t("tbody",{}),a=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),f=U({id:"routes-status"}),[C,c]=V("route-kind","Resource kind",{required:"",pattern:"[a-z0-9_]+"}),[h,A]=Z("route-env","Env",le.map(s=>[s,s]),e.env),[q,l]=Z("route-project","Project",[["","Tenant-wide"]],""),[r,v]=V("route-backend","Backend type",{required:""}),u=t("textarea",{id:"route-config",rows:"3",placeholder:"address=redis.internal:6379"}),b=t("textarea",{id:"route-secrets",rows:"2",placeholder:"password=file:///run/secrets/\u2026"}),S=t("input",{type:"hidden",id:"route-version",value:""}),m=t("p",{id:"route-editing"},"A new route (saving fails if one exists)."),x=U({id:"route-status"}),_=t("form",{id:"set-route"},t("h3",{},"Set a route"),m,C,c,h,A,q,l,r,v,t("label",{for:"route-config"},"Config (key=value per line)"),u,t("label",{for:"route-secrets"},"Secret references (name=reference per line)"),b,S,t("button",{type:"submit"},"Save route"),x),B=s=>{c.value=s.resourceKind,A.value=s.env,l.value=s.projectId??"",v.value=s.backendType,u.value=s.config.map(p=>`${p.key}=${p.value}`).join(`
`),b.value=s.secretRefs.join(`
`),S.value=String(s.version),m.textContent=`Editing ${s.resourceKind} (${s.env}) at version ${s.version}.`,c.focus()},K=s=>s.split(`
`).map(p=>p.trim()).filter(p=>p!==""),J=()=>{d.replaceChildren(...o.map(s=>{let p={resourceKind:s.resourceKind,tenantId:e.tenantId,env:s.env,projectId:s.projectId,expectedVersion:s.version},P=t("span",{},j("Edit",{"aria-label":`Edit ${s.resourceKind} (${s.env})`},()=>B(s)),j("Delete",{"aria-label":`Delete ${s.resourceKind} (${s.env})`},()=>{g(jn,{input:p},M(e)).then(I,R=>N(f,R,`${s.resourceKind} (${s.env})`))}));return H(s.resourceKind,s.env,s.projectId??"tenant-wide",s.backendType,Kt(s.config),String(s.version),s.updatedBy,P)}))},I=async()=>{let s=await g(Pn,{},M(e));o=s.routes,i=s.projects.edges.map(({node:R})=>[R.id,R.name]);let p=l.value,P=[["","Tenant-wide"],...i];l.replaceChildren(...P.map(([R,z])=>t("option",{value:R},z))),l.value=p,J()},N=(s,p,P)=>{w(s,p),!(!(p instanceof Y)||p.code!=="CONFLICT")&&I().then(()=>{let R=o.find(ie=>_t(ie,c.value,A.value,l.value)),z=R?`${P} is now at version ${R.version} (by ${R.updatedBy}). Your edit is kept: save again to replace that version.`:`${P} no longer exists. Your edit is kept: save again to create it.`;S.value=R?String(R.version):"",m.textContent=R?`Editing ${R.resourceKind} (${R.env}) at version ${R.version}.`:"A new route (saving fails if one exists).",s.append(t("p",{class:"resolution"},z))})};Q(_,x,async()=>{let s=K(u.value).map(P=>{let R=P.indexOf("=");return R<0?{key:P,value:""}:{key:P.slice(0,R).trim(),value:P.slice(R+1).trim()}}),p={resourceKind:c.value,tenantId:e.tenantId,env:A.value,projectId:l.value||null,backendType:v.value,config:s,secretRefs:K(b.value),expectedVersion:S.value?Number(S.value):null};try{let{setRoute:P}=await g(qn,{input:p},M(e));x.replaceChildren(t("p",{},`Saved ${P.resourceKind} at version ${P.version}.`)),S.value=String(P.version),m.textContent=`Editing ${P.resourceKind} (${A.value}) at version ${P.version}.`,await I()}catch(P){N(x,P,`${c.value} (${A.value})`)}});let[ne,oe]=V("resolve-kind","Resource kind",{required:""}),O=U({id:"resolved"}),re=t("form",{id:"resolve-route"},t("h3",{},`Effective route in ${e.env}${e.projectId?", this project":""}`),ne,oe,t("button",{type:"submit"},"Resolve"),O);Q(re,O,async()=>{let{route:s}=await g(kn,{kind:oe.value},M(e)),p=s.route;O.replaceChildren(t("p",{},`${p.backendType} ${Kt(p.config)} \u2014 matched at the ${s.matchedScope} scope (${p.tenantId}, ${p.env}${p.projectId?`, ${p.projectId}`:""}), version ${p.version}`))});let T=t("textarea",{id:"routes-file",rows:"6",required:"",placeholder:`routes:
  - {resourceKind: kpi, tenantId: \u2026, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}`}),E=U({id:"routes-plan"}),D=t("form",{id:"plan-routes"},t("h3",{},"Preview a routes file"),t("label",{for:"routes-file"},"Routes file (YAML, as for northstar routes apply)"),T,t("button",{type:"submit"},"Preview changes"),E);Q(D,E,async()=>{let{routesPlan:s}=await g(En,{file:T.value},M(e)),p=s.map(R=>H(R.outcome,R.resourceKind,R.env,R.projectId??"tenant-wide",R.changes.map(z=>`${z.field}: ${z.from??"\u2205"} \u2192 ${z.to??"\u2205"}`).join("; "))),P=["CREATE","UPDATE","UNCHANGED"].map(R=>`${s.filter(z=>z.outcome===R).length} ${R.toLowerCase()}`);E.replaceChildren(t("p",{},`Nothing was written: ${P.join(", ")}.`),G("plan",["Outcome","Kind","Env","Project","Changes"],p))});try{await I()}catch(s){return w(n,s)}if(n.replaceChildren(re,t("h3",{},"Routes"),t("table",{id:"routes"},t("thead",{},t("tr",{},...["Kind","Env","Project","Backend","Config","Version","By",""].map(s=>t("th",{scope:"col"},s)))),d),a,f,_,D),!n.isConnected)return;let k=Ce({session:e.session,tenantId:e.tenantId}),L=ve(k,Vn,{},s=>{let p=s.routeChanged;a.textContent=`${p.resourceKind} (${p.env}) ${p.deleted?"deleted":`is at version ${p.version}`}`,I().then(()=>{S.value&&!o.some(P=>_t(P,c.value,A.value,l.value))&&(S.value="",m.textContent=`${c.value} (${A.value}) was deleted. Your edit is kept: saving creates it again.`)}).catch(P=>w(a,P))},s=>w(a,s));ye(()=>{L(),k.dispose()})}var Ft=y(`
  query ConsoleRoles {
    context { roles }
    tenant { name }
    projects(first: 100) { edges { node { id name } } }
  }
`),Un=y(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`),Ln=y(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`),Nn=y(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id tenantId name version }
    apps { id tenantId name version }
  }
`),On=y(`
  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { id name version }
  }
`),Qn=y(`
  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
    updateSurface(input: $input) { id name version }
  }
`),Kn=y(`
  mutation ConsoleUpdateApp($input: UpdateAppInput!) {
    updateApp(input: $input) { id name version }
  }
`),_n=y(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`),Hn=y(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`),Fn=y(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`),Bn=y(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`),Wn=y(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`),Gn=y(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`),zn=y(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`),Wt={id:"tab-projects",label:"Projects",adminOnly:!1,show:zt},Bt=[{id:"tab-overview",label:"Overview",adminOnly:!1,show:Gt},Wt,{id:"tab-chat",label:"Chat",adminOnly:!1,show:Pe},{id:"tab-members",label:"Members",adminOnly:!0,show:ke},{id:"tab-routes",label:"Routes",adminOnly:!0,show:Ht},{id:"tab-accounts",label:"Service accounts",adminOnly:!0,show:Te},{id:"tab-audit",label:"Audit log",adminOnly:!0,show:Vt}];async function be(e,n,o,i,d={}){ue();let a=de(n),f=i.find(I=>I.id===o)?.name??o,C;try{C=await g(Ft,{},{session:e,tenantId:o})}catch(I){return w(a,I)}let c=I=>C.projects.edges.some(({node:N})=>N.id===I),h={session:e,tenantId:o,tenantName:f,roles:C.context.roles,env:d.env&&le.includes(d.env)?d.env:"dev",projectId:d.projectId&&c(d.projectId)?d.projectId:"",refresh:async()=>{}},A=t("section",{id:"page"}),q=Bt.find(I=>I.id===(d.tab??"tab-projects")&&(!I.adminOnly||me(h)))??Wt,l=t("nav",{"aria-label":"Tenant pages"}),r=I=>{ue(),q=I;let N=new URLSearchParams({tenant:o,tab:I.id,env:h.env});h.projectId&&N.set("project",h.projectId),history.replaceState(null,"",`#${N.toString()}`);for(let ne of l.querySelectorAll("button"))ne.removeAttribute("aria-current");l.querySelector(`#${I.id}`)?.setAttribute("aria-current","page"),I.show(h,de(A))};for(let I of Bt)(!I.adminOnly||me(h))&&l.append(j(I.label,{id:I.id},()=>r(I)));let[v,u]=Z("context-tenant","Tenant",i.map(I=>[I.id,I.name]),o);u.addEventListener("change",()=>{be(e,n,u.value,i,{tab:q.id,env:h.env})});let[b,S]=Z("context-env","Env",le.map(I=>[I,I]),h.env);S.addEventListener("change",()=>{h.env=S.value,r(q)});let m=I=>[["","No project"],...I.projects.edges.map(({node:N})=>[N.id,N.name])],[x,_]=Z("context-project","Project",m(C),h.projectId);_.addEventListener("change",()=>{h.projectId=_.value,r(q)});let B=t("h2",{id:"tenant-name"},f),K=t("p",{id:"role"},`Your role: ${h.roles.join(", ")}`);h.refresh=async()=>{let I=await g(Ft,{},{session:e,tenantId:o});h.tenantName=I.tenant.name,h.roles=I.context.roles,B.textContent=I.tenant.name,K.textContent=`Your role: ${h.roles.join(", ")}`;let N=i.find(O=>O.id===o);N&&(N.name=I.tenant.name);let ne=[...u.options].find(O=>O.value===o);ne&&(ne.textContent=I.tenant.name);let oe=m(I);_.replaceChildren(...oe.map(([O,re])=>t("option",{value:O},re))),oe.some(([O])=>O===h.projectId)||(h.projectId=""),_.value=h.projectId};let J=t("div",{class:"context",role:"group","aria-label":"Context"},t("span",{},v,u),t("span",{},b,S),t("span",{},x,_));a.replaceChildren(J,B,K,l,A),r(q)}async function Gt(e,n){try{let{tenant:o}=await g(Un,{},M(e)),i=[t("h3",{},"Tenant"),t("dl",{id:"tenant"},t("dt",{},"Name"),t("dd",{},o.name),t("dt",{},"Id"),t("dd",{},o.id),t("dt",{},"Mode"),t("dd",{id:"tenant-mode"},`${o.mode.name} (${o.mode.id})${o.mode.description?` \u2014 ${o.mode.description}`:""}`),t("dt",{},"Version"),t("dd",{},String(o.version)),t("dt",{},"Created"),t("dd",{},o.createdAt),t("dt",{},"Updated"),t("dd",{},o.updatedAt))];if(me(e)){let[d,a]=V("tenant-rename","New name",{required:"",value:o.name}),f=U(),C=t("form",{id:"rename-tenant"},d,a,t("button",{type:"submit"},"Rename"),f);Q(C,f,async()=>{await g(Ln,{input:{tenantId:e.tenantId,name:a.value,expectedVersion:o.version}},M(e)),await Promise.all([e.refresh(),Gt(e,n)])}),i.push(C)}n.replaceChildren(...i)}catch(o){w(n,o)}}async function zt(e,n){let o=async()=>{await Promise.all([e.refresh(),zt(e,n)])},i=U({id:"projects-status"}),d=a=>()=>{a().then(o,f=>w(i,f))};try{let{projects:a,surfaces:f,apps:C}=await g(Nn,{},M(e)),c=me(e),h=a.edges.map(({node:r})=>{let v=t("span",{});if(c){let u={input:{projectId:r.id,expectedVersion:r.version}};v.append(r.archived?j("Unarchive",{"aria-label":`Unarchive ${r.name}`},d(()=>g(Fn,u,M(e)))):j("Archive",{"aria-label":`Archive ${r.name}`},d(()=>g(Hn,u,M(e)))))}return H(r.name,r.id,r.archived?"archived":"active",String(r.version),v)}),A=r=>c&&r.tenantId===e.tenantId,q=(r,v,u)=>v.map(b=>H(b.name,b.id,b.tenantId===e.tenantId?String(b.version):`${b.version} (system-wide)`,A(b)?j("Delete",{"aria-label":`Delete the ${r} ${b.name}`},d(()=>u(b.id))):"")),l=[t("h3",{},"Projects"),G("projects",["Name","Id","State","Version",""],h),t("h3",{},"Surfaces"),G("surfaces",["Name","Id","Version",""],q("surface",f,r=>g(Wn,{id:r},M(e)))),t("h3",{},"Apps"),G("apps",["Name","Id","Version",""],q("app",C,r=>g(zn,{id:r},M(e)))),i];if(c){let r=(m,x,_)=>{let[B,K]=V(`${m}-name`,`${x} name`,{required:""}),J=U(),I=t("form",{id:m},B,K,t("button",{type:"submit"},`Create ${x.toLowerCase()}`),J);return Q(I,J,()=>_(K.value).then(o)),I},v=(m,x,_,B)=>{let[K,J]=Z(`${m}-which`,x,_.map(O=>[O.id,O.name]),_[0]?.id??""),[I,N]=V(`${m}-name`,"New name",{required:""}),ne=U(),oe=t("form",{id:m},K,J,I,N,t("button",{type:"submit"},`Rename ${x.toLowerCase()}`),ne);return Q(oe,ne,async()=>{let O=_.find(re=>re.id===J.value);O&&await B(O,N.value).then(o)}),oe},u=m=>m.filter(x=>x.tenantId===e.tenantId),b=a.edges.map(({node:m})=>({id:m.id,name:m.name,version:m.version,tenantId:e.tenantId}));l.push(t("div",{class:"forms"},r("create-project","Project",m=>g(_n,{input:{tenantId:e.tenantId,name:m}},M(e))),r("create-surface","Surface",m=>g(Bn,{input:{tenantId:e.tenantId,name:m}},M(e))),r("create-app","App",m=>g(Gn,{input:{tenantId:e.tenantId,name:m}},M(e)))));let S=[];b.length>0&&S.push(v("rename-project","Project",b,(m,x)=>g(On,{input:{projectId:m.id,name:x,expectedVersion:m.version}},M(e)))),u(f).length>0&&S.push(v("rename-surface","Surface",u(f),(m,x)=>g(Qn,{input:{id:m.id,name:x,expectedVersion:m.version}},M(e)))),u(C).length>0&&S.push(v("rename-app","App",u(C),(m,x)=>g(Kn,{input:{id:m.id,name:x,expectedVersion:m.version}},M(e)))),S.length>0&&l.push(t("div",{class:"forms"},...S))}n.replaceChildren(...l)}catch(a){w(n,a)}}var Yn=y(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`),Xn=y(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),Jn=y(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`),Yt=document.getElementById("app");function qe(){let[e,n]=V("email","Email",{type:"email",autocomplete:"username",required:""}),[o,i]=V("password","Password",{type:"password",autocomplete:"current-password",required:""}),[d,a]=V("tenant-name","New tenant (sign up only)",{type:"text"}),f=t("div",{"aria-live":"polite"}),C=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,i,t("button",{type:"submit"},"Sign in"),d,a,j("Sign up",{id:"sign-up"},()=>{jt(n.value,i.value,a.value).then(()=>ge(),c=>w(f,c))}),f);C.addEventListener("submit",c=>{c.preventDefault(),qt(n.value,i.value).then(()=>ge(!0),h=>w(f,h))}),Yt.replaceChildren(C),n.focus()}async function ge(e=!1){ue();let n=kt();if(!n)return qe();let o=new URLSearchParams(location.hash.slice(1));e||history.replaceState(null,"",location.pathname);let i=t("main",{}),d=t("nav",{"aria-label":"Console",class:"top"},j("Tenants",{id:"home"},()=>{ge()}));Yt.replaceChildren(t("header",{},t("span",{id:"who"},n.email),d,j("Sign out",{id:"sign-out"},()=>{Et().then(()=>{history.replaceState(null,"",location.pathname),qe()})})),i);try{let{tenants:a,myInvitations:f}=await g(Yn,{},{session:n}),C=a.map(r=>({id:r.id,name:r.name}));a.some(r=>r.id==="t_system")&&d.append(j("System",{id:"system"},()=>{ue(),Se(n,i)}));let c=t("ul",{id:"tenants"},...a.map(r=>t("li",{},j(`${r.name} (${r.mode.name})`,{"data-tenant":r.id},()=>{be(n,i,r.id,C)}))));if(e&&o.has("system")&&a.some(r=>r.id==="t_system"))return Se(n,i);let h=o.get("tenant");if(e&&h&&C.some(r=>r.id===h))return be(n,i,h,C,{tab:o.get("tab")??void 0,env:o.get("env")??void 0,projectId:o.get("project")??void 0});history.replaceState(null,"",location.pathname);let A=U(),q=r=>()=>{r().then(()=>ge(),v=>w(A,v))},l=t("ul",{id:"my-invitations"},...f.map(r=>t("li",{},`${r.role} in ${r.tenantId}, until ${r.expiresAt} `,j("Accept",{"data-invitation":r.id},q(()=>g(Xn,{id:r.id},{session:n}))),j("Decline",{"aria-label":`Decline the invitation to ${r.tenantId}`},q(()=>g(Jn,{id:r.id},{session:n}))))));i.replaceChildren(t("h2",{},"Your tenants"),c,...f.length>0?[t("h2",{},"Invitations for you"),l,A]:[])}catch(a){w(i,a)}}Ae().then(e=>e?ge(!0):qe());
